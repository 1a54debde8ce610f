-- wrk script: StartExecution of one state machine (ARN in the SFN_ARN environment variable),
-- a new execution per request (no name: the server generates one).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["X-Amz-Target"] = "AWSStepFunctions.StartExecution"
wrk.body = '{"stateMachineArn":"' .. os.getenv("SFN_ARN") .. '","input":"{\\"n\\":1}"}'

local errors = 0
function response(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("non-200 responses: %d\n", summary.errors.status))
end
