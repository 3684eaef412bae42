-- wrk script for bench/load.sh: POST the benchmark report to /classify.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"title": "ValueError: Cannot reshape a tensor with 784 elements to shape [28, 28, 3]", "text": "When I call model.fit on my Keras model I get ValueError: Cannot reshape a tensor with 784 elements to shape [28,28,3] (2352 elements). The input images are grayscale; the first Conv2D layer expects input_shape=(28, 28, 3). Using tensorflow 2.3 and keras 2.4.", "diff": "-model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 3)))\n+model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 1)))", "library": "keras"}]]
