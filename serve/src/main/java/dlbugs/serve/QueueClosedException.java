package dlbugs.serve;

/** The inference queue was closed: the service is stopping, or its model was replaced. */
final class QueueClosedException extends OverloadedException {
    QueueClosedException() {
        super("the service is shutting down");
    }
}
