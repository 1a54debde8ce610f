-- wrk script: DescribeStateMachine (a read) of the ARN in SFN_ARN.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["X-Amz-Target"] = "AWSStepFunctions.DescribeStateMachine"
wrk.body = '{"stateMachineArn":"' .. os.getenv("SFN_ARN") .. '"}'
