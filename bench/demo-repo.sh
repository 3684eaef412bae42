#!/usr/bin/env bash
# Builds a small DL project's history (24 commits, plain git) to try `dlbugs label-repo` on:
#   bench/demo-repo.sh /tmp/demo-repo && bin/dlbugs label-repo /tmp/demo-repo --report /tmp/demo-report
set -euo pipefail
dir=${1:?usage: bench/demo-repo.sh DIR}
[ ! -e "$dir" ] || { echo "demo-repo: $dir exists" >&2; exit 2; }
git init -q -b main "$dir"
cd "$dir"
export GIT_AUTHOR_NAME="Demo Dev" GIT_AUTHOR_EMAIL=dev@example.org GIT_COMMITTER_NAME="Demo Dev" GIT_COMMITTER_EMAIL=dev@example.org
t=1700000000
commit() {  # commit MESSAGE: stage everything and commit with a fixed, increasing date
  t=$((t + 3600)); export GIT_AUTHOR_DATE="@$t +0000" GIT_COMMITTER_DATE="@$t +0000"
  git add -A && git commit -q -m "$1"
}
put() { mkdir -p "$(dirname "$1")"; cat > "$1"; }

put model.py <<'PY'
import tensorflow as tf

def build(num_classes):
    model = tf.keras.Sequential([
        tf.keras.layers.Flatten(input_shape=(28, 28)),
        tf.keras.layers.Dense(128, activation='relu'),
        tf.keras.layers.Dense(num_classes),
    ])
    model.compile(optimizer='adam', loss='mse', metrics=['accuracy'])
    return model
PY
put data.py <<'PY'
import tensorflow as tf

def load():
    (x, y), (xt, yt) = tf.keras.datasets.mnist.load_data()
    return x, y, xt, yt
PY
put README.md <<'MD'
# digits
MD
commit "Initial MNIST classifier"

sed -i "s/loss='mse'/loss='sparse_categorical_crossentropy'/" model.py
commit "Fix wrong loss function: mse on integer labels gives accuracy stuck at 10%"

sed -i 's/    return x, y, xt, yt/    x, xt = x \/ 255.0, xt \/ 255.0\n    return x, y, xt, yt/' data.py
commit "Fix loss becoming NaN: normalise pixel values before training"

echo "Train with python train.py" >> README.md
commit "Document training"

put train.py <<'PY'
import tensorflow as tf
from model import build
from data import load

x, y, xt, yt = load()
model = build(10)
model.fit(x, y, epochs=5, batch_size=32)
PY
commit "Add training script"

sed -i 's/batch_size=32/batch_size=32, validation_data=(xt, yt)/' train.py
commit "Add validation data"

sed -i 's/tf.keras.layers.Dense(num_classes),/tf.keras.layers.Dense(num_classes, activation="softmax"),/' model.py
commit "fix: output layer had no softmax, predictions were logits"

put predict.py <<'PY'
import numpy as np
import tensorflow as tf

def predict(model, image):
    batch = np.expand_dims(image, 0)
    return int(tf.argmax(model.predict(batch), axis=1)[0])
PY
commit "Add predict helper"

sed -i 's/    batch = np.expand_dims(image, 0)/    batch = np.expand_dims(image.astype("float32") \/ 255.0, 0)/' predict.py
commit "Fix ValueError in predict: input dtype uint8 and scale differ from training"

put torch_port/net.py <<'PY'
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = torch.relu(self.fc1(x))
        return self.fc2(x)
PY
commit "Port the model to PyTorch"

sed -i 's/        x = torch.relu(self.fc1(x))/        x = x.view(x.size(0), -1)\n        x = torch.relu(self.fc1(x))/' torch_port/net.py
commit "Fix RuntimeError: size mismatch, m1: [3584 x 28], m2: [784 x 128]"

put torch_port/train.py <<'PY'
import torch
from net import Net

def train(loader, epochs=3):
    net = Net()
    opt = torch.optim.SGD(net.parameters(), lr=10.0)
    for _ in range(epochs):
        for x, y in loader:
            loss = torch.nn.functional.cross_entropy(net(x), y)
            loss.backward()
            opt.step()
    return net
PY
commit "Add PyTorch training loop"

sed -i 's/lr=10.0/lr=0.01/' torch_port/train.py
commit "fix diverging training: learning rate 10.0 was far too high"

sed -i 's/            loss.backward()/            opt.zero_grad()\n            loss.backward()/' torch_port/train.py
commit "Fix accuracy degrading over epochs: gradients were never zeroed"

sed -i 's/^x, y, xt, yt = load()/x, y, xt, yt = load()\nx = x.reshape(-1, 28, 28)/' train.py
commit "Fix reshape of training images"

git checkout -q -b feature/augment
sed -i 's/    return x, y, xt, yt/    x = tf.image.random_flip_left_right(x[..., None])[..., 0]\n    return x, y, xt, yt/' data.py
commit "Augment with random flips"
git checkout -q main
t=$((t + 3600)); export GIT_AUTHOR_DATE="@$t +0000" GIT_COMMITTER_DATE="@$t +0000"
git merge -q --no-ff feature/augment -m "Merge branch 'feature/augment': fix overfitting with augmentation"

git mv predict.py inference.py
sed -i 's/def predict(model, image):/def predict(model, image):\n    image = np.asarray(image)/' inference.py
commit "Fix crash on list input; rename predict module to inference"

printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' > logo.png
commit "fix logo"

put legacy/solver.prototxt <<'TXT'
net: "train_val.prototxt"
base_lr: 0.01
max_iter: 45000
TXT
commit "Add Caffe solver from the old pipeline"

sed -i 's/base_lr: 0.01/base_lr: 0.001/' legacy/solver.prototxt
commit "Fix Caffe solver: base_lr too high, loss explodes to NaN"

printf '# caf\xe9 \xe0 la carte\nimport tensorflow as tf\n' > latin.py
commit "fix encoding of a comment"

sed -i "s/metrics=\['accuracy'\]/metrics=['sparse_categorical_accuracy']/" model.py
commit "Fix wrong accuracy metric reported during evaluation"

echo "MIT" > LICENSE
commit "Add licence"
echo "demo-repo: $(git rev-list --count HEAD) commits in $dir"
