-- wrk script for bench/load.sh: POST the benchmark report to /classify. Each request's text ends
-- with its own number, so the service's embedding cache never answers it (a repeated text costs
-- ~7 ms, a new one a full encoder pass): this measures new reports, the hard case.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
local threads = 0
local run = ""
-- Each wrk thread gets its own number, and each run (wrk restarts its threads) the second it
-- started at, so no two requests of any run, warm-up included, carry the same text.
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  run = tostring(tid) .. "-" .. tostring(os.time())
end
local head = [[{"title": "ValueError: Cannot reshape a tensor with 784 elements to shape [28, 28, 3]", "text": "When I call model.fit on my Keras model I get ValueError: Cannot reshape a tensor with 784 elements to shape [28,28,3] (2352 elements). The input images are grayscale; the first Conv2D layer expects input_shape=(28, 28, 3). Using tensorflow 2.3 and keras 2.4. Run ]]
local tail = [[", "diff": "-model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 3)))\n+model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 1)))", "library": "keras"}]]
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, head .. run .. "-" .. n .. tail)
end
