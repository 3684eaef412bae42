-- wrk script for bench/corrections.sh: POST a correction to /corrections. Each request's report
-- ends with its own number, so every one is a new correction (201), never a repeat of another.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
local threads = 0
local run = ""
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  run = tostring(tid) .. "-" .. tostring(os.time())
end
local head = [[{"title": "Training hangs at the first epoch", "text": "model.fit never returns and the GPU sits idle; the dataloader uses num_workers=4. Run ]]
local tail = [[", "library": "torch", "head": "effect", "label": "Hang", "answer": "Crash", "model_version": "bench", "author": "bench"}]]
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, head .. run .. "-" .. n .. tail)
end
