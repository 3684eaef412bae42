package dlbugs.triage.fake;

import java.util.List;

/**
 * Issues in the style DL projects receive, to fill a {@link FakeGitHub}: crashes on shapes,
 * NaN losses, out-of-memory errors, API changes, and a few that are not DL bugs (a feature
 * request, an installation question). Issue {@code n} takes template {@code n mod size}; every
 * 10th is a pull request and issue 3 carries a person's {@code dl-type:} label.
 */
public final class SampleIssues {

    private static final List<String[]> TEMPLATES = List.of(
            new String[]{"ValueError: expected dense_1_input to have shape (784,) but got array with shape (28, 28)",
                    "I load MNIST with keras and call model.fit(x_train, y_train). It crashes:\n\n"
                            + "ValueError: Error when checking input: expected dense_1_input to have shape (784,) "
                            + "but got array with shape (28,28). I did not reshape the images."},
            new String[]{"Loss becomes NaN after a few epochs",
                    "Training a small CNN with tf.keras, the loss is fine for 3 epochs and then turns nan. "
                            + "Learning rate is 0.1 with SGD. Lowering it helps, but why?"},
            new String[]{"CUDA out of memory when batch size is 64",
                    "RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB. torch.cuda.OutOfMemoryError "
                            + "during the forward pass of my ResNet50 training loop."},
            new String[]{"AttributeError: module 'tensorflow' has no attribute 'placeholder'",
                    "After upgrading to TensorFlow 2 my code fails: tf.placeholder is gone. "
                            + "AttributeError: module 'tensorflow' has no attribute 'placeholder'."},
            new String[]{"Model accuracy stuck at 10% on CIFAR-10",
                    "The model trains without error but accuracy never leaves 0.10. I use softmax in the last "
                            + "layer and binary_crossentropy as the loss."},
            new String[]{"RuntimeError: size mismatch, m1: [32 x 4096], m2: [512 x 10]",
                    "My PyTorch model crashes in the linear layer: RuntimeError: size mismatch. "
                            + "I flatten the conv output with view(-1, 512)."},
            new String[]{"Training hangs at the first epoch with DataLoader num_workers=4",
                    "The training loop never starts: the DataLoader with num_workers=4 hangs forever, no error."},
            new String[]{"Predictions differ after saving and loading the model",
                    "I save with model.save('m.h5') and load_model gives different predictions on the same "
                            + "input. The BatchNormalization layer seems to behave differently."},
            new String[]{"Feature request: support for ONNX export",
                    "It would be great if the library could export models to ONNX. Is this planned?"},
            new String[]{"How do I install this with pip on Windows?",
                    "pip install fails on Windows with Python 3.12, what version should I use?"},
            new String[]{"TypeError: Expected int32, got float32 in tf.concat",
                    "TypeError: Tensors in list passed to 'values' of 'ConcatV2' Op have types [int32, float32] "
                            + "that don't all match."},
            new String[]{"Learning rate scheduler has no effect",
                    "I use torch.optim.lr_scheduler.StepLR but the learning rate stays the same; "
                            + "I call scheduler.step() before optimizer.step()."});

    private SampleIssues() {
    }

    /** Fills the fake with issues 1..count. */
    public static FakeGitHub fill(FakeGitHub fake, int count) {
        for (int n = 1; n <= count; n++) {
            String[] t = TEMPLATES.get((n - 1) % TEMPLATES.size());
            boolean pr = n % 10 == 0;
            String title = pr ? "Fix typo in the README" : t[0];
            String body = pr ? "Small documentation fix." : t[1] + (n > TEMPLATES.size() ? "\n\n(seen again in run " + n + ")" : "");
            if (n == 3) {
                fake.issue(n, title, body, false, "bug", "dl-type: API Bug");
            } else {
                fake.issue(n, title, body, pr, n % 4 == 1 ? new String[]{"bug"} : new String[0]);
            }
        }
        return fake;
    }
}
