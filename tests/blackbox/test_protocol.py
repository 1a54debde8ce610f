"""Raw AWS JSON 1.0 protocol errors, sent with urllib (the CLI never sends malformed bodies)."""
import json
import unittest

from sfn_harness import ServerTestCase, error_type, raw_request


class Protocol(ServerTestCase):
    def test_invalid_json_body_is_a_serialization_exception(self):
        for body in ["{not json", '{"name": ', "[1, 2", "\x00\x01"]:
            with self.subTest(body=body):
                status, parsed, text = raw_request(self.server.endpoint,
                                                   "AWSStepFunctions.ListStateMachines", body)
                self.assertEqual(status, 400, text)
                self.assertEqual(error_type(parsed), "SerializationException", text)

    def test_valid_raw_request_works(self):
        status, parsed, text = raw_request(self.server.endpoint,
                                           "AWSStepFunctions.ListStateMachines", "{}")
        self.assertEqual(status, 200, text)
        self.assertIn("stateMachines", parsed)

    def test_unknown_operation(self):
        status, parsed, text = raw_request(self.server.endpoint, "AWSStepFunctions.NoSuchThing",
                                           "{}")
        self.assertEqual(status, 400, text)
        self.assertEqual(error_type(parsed), "UnknownOperationException", text)

    def test_error_body_shape(self):
        status, parsed, text = raw_request(
            self.server.endpoint, "AWSStepFunctions.DescribeStateMachine",
            json.dumps({"stateMachineArn": "not-an-arn"}))
        self.assertEqual(status, 400, text)
        self.assertEqual(error_type(parsed), "InvalidArn", text)
        self.assertTrue(parsed.get("message") or parsed.get("Message"), text)


if __name__ == "__main__":
    unittest.main()
