"""Bad input, sent raw (the CLI validates most of it away before sending): malformed bodies,
wrong member types, missing required members, bad execution input, size limits, unknown ARNs.
After every rejected request the server still answers, and nothing was half-written: the lists
of state machines, activities and executions are exactly what they were before.

Error types follow the AWS JSON 1.0 protocol and the Step Functions API reference:
SerializationException for a body or member of the wrong JSON type, ValidationException
("Value null at 'x' failed to satisfy constraint: Member must not be null") for a missing
required member or a broken length/range/enum constraint, the operation's own errors otherwise."""
import json
import socket
import unittest

from sfn_harness import (PASS_DEFINITION, ROLE_ARN, ServerTestCase, error_type, raw_call,
                         raw_request, unique)

ARN_PREFIX = "arn:aws:states:us-east-1:123456789012:"
MAX_INPUT = 256 * 1024          # StartExecution input: bytes of UTF-8
MAX_DEFINITION = 1024 * 1024    # CreateStateMachine definition


class BadInput(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.machine = raw_call(cls.server.endpoint, "CreateStateMachine", {
            "name": unique("bad-input"), "definition": json.dumps(PASS_DEFINITION),
            "roleArn": ROLE_ARN})["stateMachineArn"]
        cls.activity = raw_call(cls.server.endpoint, "CreateActivity",
                                {"name": unique("bad-input-act")})["activityArn"]

    # -- helpers -----------------------------------------------------------------------------

    def call(self, operation, payload):
        return raw_call(self.server.endpoint, operation, payload)

    def snapshot(self):
        """Everything a rejected request must leave untouched."""
        machines = self.call("ListStateMachines", {"maxResults": 1000})["stateMachines"]
        activities = self.call("ListActivities", {"maxResults": 1000})["activities"]
        executions = sorted(e["executionArn"] for e in self.call(
            "ListExecutions", {"stateMachineArn": self.machine, "maxResults": 1000})["executions"])
        tags = self.call("ListTagsForResource", {"resourceArn": self.machine})["tags"]
        return machines, activities, executions, tags

    def assertRejected(self, operation, body, code, message_part=None):
        """`body` (bytes/str sent as is, or an object sent as JSON) is answered 400 `code`; the
        server still serves and nothing changed."""
        before = self.snapshot()
        text_body = body if isinstance(body, (str, bytes)) else json.dumps(body)
        status, parsed, text = raw_request(self.server.endpoint, "AWSStepFunctions." + operation,
                                           text_body)
        shown = f"{operation} {str(text_body)[:200]!r} -> {status} {text[:300]}"
        self.assertEqual(status, 400, shown)
        self.assertEqual(error_type(parsed), code, shown)
        self.assertTrue(parsed.get("message"), shown)
        if message_part:
            self.assertIn(message_part, parsed["message"], shown)
        self.assertEqual(self.snapshot(), before, "a rejected request changed something: " + shown)

    # -- malformed bodies --------------------------------------------------------------------

    def test_invalid_json_body_is_a_serialization_exception(self):
        for operation in ["CreateStateMachine", "StartExecution", "CreateActivity",
                          "TagResource", "GetExecutionHistory"]:
            for body in ["{not json", '{"name": "x"', '{"name": "x",}', "\xff\xfe"]:
                with self.subTest(operation=operation, body=body):
                    self.assertRejected(operation, body.encode("latin-1"),
                                        "SerializationException")

    def test_body_that_is_not_an_object(self):
        for body in ["[]", '"text"', "42", "null", "true"]:
            with self.subTest(body=body):
                self.assertRejected("CreateStateMachine", body, "SerializationException")

    def test_empty_body_is_an_empty_request(self):
        status, parsed, text = raw_request(self.server.endpoint,
                                           "AWSStepFunctions.ListStateMachines", "")
        self.assertEqual(status, 200, text)
        self.assertIn("stateMachines", parsed)
        self.assertRejected("CreateActivity", "", "ValidationException", "Member must not be null")

    def test_body_over_the_http_limit(self):
        before = self.snapshot()
        body = json.dumps({"name": unique("huge"), "roleArn": ROLE_ARN,
                           "definition": "x" * (3 * 1024 * 1024)})
        status, _, text = raw_request(self.server.endpoint,
                                      "AWSStepFunctions.CreateStateMachine", body)
        self.assertEqual(status, 413, text[:300])
        self.assertEqual(self.snapshot(), before)

    def test_garbage_that_is_not_http(self):
        before = self.snapshot()
        for garbage in [b"NOT HTTP AT ALL\r\n\r\n", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
                        b"POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n{}"]:
            with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as sock:
                sock.sendall(garbage)
                sock.shutdown(socket.SHUT_WR)
                try:
                    while sock.recv(65536):
                        pass
                except OSError:
                    pass
        self.assertEqual(self.snapshot(), before)

    # -- member types ------------------------------------------------------------------------

    def test_wrong_member_types_are_serialization_exceptions(self):
        # Only mismatches no JSON deserializer coerces (a number where AWS expects a string may
        # be accepted as its text, so those are not asserted).
        good = {"name": unique("typed"), "definition": json.dumps(PASS_DEFINITION),
                "roleArn": ROLE_ARN}
        cases = [
            ("CreateStateMachine", dict(good, name={"a": 1})),
            ("CreateStateMachine", dict(good, name=["x"])),
            ("CreateStateMachine", dict(good, definition=PASS_DEFINITION)),  # object, not text
            ("CreateStateMachine", dict(good, roleArn={})),
            ("CreateStateMachine", dict(good, tags="team=core")),
            ("CreateStateMachine", dict(good, tags=[{"key": {"k": 1}, "value": "v"}])),
            ("CreateStateMachine", dict(good, tags=[{"key": "k", "value": ["v"]}])),
            ("CreateStateMachine", dict(good, tags=["k"])),
            ("CreateStateMachine", dict(good, loggingConfiguration="OFF")),
            ("CreateActivity", {"name": unique("typed-act"), "tags": [{"key": ["k"]}]}),
            ("CreateActivity", {"name": unique("typed-act"), "tags": {"k": "v"}}),
            ("StartExecution", {"stateMachineArn": self.machine, "input": {"a": 1}}),
            ("StartExecution", {"stateMachineArn": self.machine, "name": ["x"]}),
            ("ListStateMachines", {"maxResults": "ten"}),
            ("ListExecutions", {"stateMachineArn": self.machine, "maxResults": [1]}),
            ("GetExecutionHistory", {"executionArn": self.machine.replace(
                ":stateMachine:", ":execution:") + ":x", "reverseOrder": "yes"}),
            ("TagResource", {"resourceArn": self.machine, "tags": [{"key": ["k"]}]}),
            ("UntagResource", {"resourceArn": self.machine, "tagKeys": [{"k": 1}]}),
            ("UntagResource", {"resourceArn": self.machine, "tagKeys": "k"}),
            ("SendTaskFailure", {"taskToken": "t", "error": {"e": 1}}),
        ]
        for operation, payload in cases:
            with self.subTest(operation=operation, payload=payload):
                self.assertRejected(operation, payload, "SerializationException")

    def test_unknown_members_are_ignored(self):
        name = unique("extra")
        created = self.call("CreateStateMachine", {
            "name": name, "definition": json.dumps(PASS_DEFINITION), "roleArn": ROLE_ARN,
            "notAMember": {"x": 1}})
        self.assertTrue(created["stateMachineArn"].endswith(":" + name))
        self.call("DeleteStateMachine", {"stateMachineArn": created["stateMachineArn"]})

    # -- missing members and constraints -----------------------------------------------------

    def test_missing_required_members_are_validation_exceptions(self):
        good = {"name": unique("req"), "definition": json.dumps(PASS_DEFINITION),
                "roleArn": ROLE_ARN}
        cases = [
            ("CreateStateMachine", {k: v for k, v in good.items() if k != "name"}, "name"),
            ("CreateStateMachine", {k: v for k, v in good.items() if k != "definition"},
             "definition"),
            ("CreateStateMachine", {k: v for k, v in good.items() if k != "roleArn"}, "roleArn"),
            ("CreateStateMachine", dict(good, name=None), "name"),
            ("DescribeStateMachine", {}, "stateMachineArn"),
            ("UpdateStateMachine", {"definition": json.dumps(PASS_DEFINITION)},
             "stateMachineArn"),
            ("DeleteStateMachine", {}, "stateMachineArn"),
            ("StartExecution", {"input": "{}"}, "stateMachineArn"),
            ("StartSyncExecution", {}, "stateMachineArn"),
            ("DescribeExecution", {}, "executionArn"),
            ("StopExecution", {}, "executionArn"),
            ("ListExecutions", {}, "stateMachineArn"),
            ("GetExecutionHistory", {}, "executionArn"),
            ("CreateActivity", {}, "name"),
            ("GetActivityTask", {}, "activityArn"),
            ("SendTaskSuccess", {"taskToken": "t"}, "output"),
            ("SendTaskSuccess", {"output": "{}"}, "taskToken"),
            ("SendTaskHeartbeat", {}, "taskToken"),
            ("TagResource", {"resourceArn": self.machine}, "tags"),
            ("UntagResource", {"resourceArn": self.machine}, "tagKeys"),
            ("ListTagsForResource", {}, "resourceArn"),
        ]
        for operation, payload, member in cases:
            with self.subTest(operation=operation, member=member):
                self.assertRejected(operation, payload, "ValidationException",
                                    f"at '{member}' failed to satisfy constraint: "
                                    "Member must not be null")

    def test_broken_constraints_are_validation_exceptions(self):
        cases = [
            ("CreateStateMachine", {"name": unique("enum"), "roleArn": ROLE_ARN, "type": "BOGUS",
                                    "definition": json.dumps(PASS_DEFINITION)}),
            ("ListStateMachines", {"maxResults": 1001}),
            ("ListStateMachines", {"maxResults": -1}),
            ("ListExecutions", {"stateMachineArn": self.machine, "statusFilter": "DONE"}),
            ("GetExecutionHistory", {"executionArn": "x", "maxResults": 5000}),
            ("StopExecution", {"executionArn": self.machine, "error": "e" * 257}),
        ]
        for operation, payload in cases:
            with self.subTest(operation=operation, payload=payload):
                self.assertRejected(operation, payload, "ValidationException")

    # -- execution input ---------------------------------------------------------------------

    def test_execution_input_that_is_not_json(self):
        for text in ["{not json", "", "[1,", "undefined", "{'single': 'quotes'}"]:
            with self.subTest(input=text):
                self.assertRejected("StartExecution", {"stateMachineArn": self.machine,
                                                       "name": unique("in"), "input": text},
                                    "InvalidExecutionInput")

    def test_input_size_limit_is_256_kib_of_utf8(self):
        def padded(size, char="x"):
            """A JSON string value of exactly `size` UTF-8 bytes."""
            unit = len(char.encode("utf-8"))
            return json.dumps({"p": char * ((size - len('{"p":""}')) // unit)},
                              ensure_ascii=False, separators=(",", ":"))

        at_limit = padded(MAX_INPUT)
        self.assertEqual(len(at_limit.encode("utf-8")), MAX_INPUT)
        started = self.call("StartExecution", {"stateMachineArn": self.machine,
                                               "name": unique("at-limit"), "input": at_limit})
        described = self.call("DescribeExecution", {"executionArn": started["executionArn"]})
        self.assertEqual(json.loads(described["input"]), json.loads(at_limit))

        over = padded(MAX_INPUT + 2)
        self.assertRejected("StartExecution", {"stateMachineArn": self.machine,
                                               "name": unique("over"), "input": over},
                            "ValidationException")
        # Bytes, not characters: 131,073 two-byte characters are over the limit.
        wide = padded(MAX_INPUT + 2, "\u00e9")
        self.assertLess(len(wide), MAX_INPUT)
        self.assertRejected("StartExecution", {"stateMachineArn": self.machine,
                                               "name": unique("wide"), "input": wide},
                            "ValidationException")

    def test_definition_size_limit_is_1_mib(self):
        def definition_of(size):
            base = {"Comment": "", "StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}
            base["Comment"] = "c" * (size - len(json.dumps(base)))
            text = json.dumps(base)
            self.assertEqual(len(text), size)
            return text

        name = unique("big")
        arn = self.call("CreateStateMachine", {"name": name, "roleArn": ROLE_ARN,
                                               "definition": definition_of(MAX_DEFINITION)}
                        )["stateMachineArn"]
        self.call("DeleteStateMachine", {"stateMachineArn": arn})
        self.assertRejected("CreateStateMachine", {"name": unique("too-big"), "roleArn": ROLE_ARN,
                                                   "definition": definition_of(MAX_DEFINITION + 1)},
                            "ValidationException")
        self.assertRejected("UpdateStateMachine", {"stateMachineArn": self.machine,
                                                   "definition": definition_of(MAX_DEFINITION + 1)},
                            "ValidationException")
        described = self.call("DescribeStateMachine", {"stateMachineArn": self.machine})
        self.assertEqual(json.loads(described["definition"]), PASS_DEFINITION)

    # -- unknown and malformed ARNs ----------------------------------------------------------

    def test_unknown_arns(self):
        machine = ARN_PREFIX + "stateMachine:" + unique("nobody")
        execution = ARN_PREFIX + "execution:" + unique("nobody") + ":run"
        activity = ARN_PREFIX + "activity:" + unique("nobody")
        cases = [
            ("DescribeStateMachine", {"stateMachineArn": machine}, "StateMachineDoesNotExist"),
            ("UpdateStateMachine", {"stateMachineArn": machine, "roleArn": ROLE_ARN},
             "StateMachineDoesNotExist"),
            ("StartExecution", {"stateMachineArn": machine}, "StateMachineDoesNotExist"),
            ("StartSyncExecution", {"stateMachineArn": machine}, "StateMachineDoesNotExist"),
            ("ListExecutions", {"stateMachineArn": machine}, "StateMachineDoesNotExist"),
            ("DescribeExecution", {"executionArn": execution}, "ExecutionDoesNotExist"),
            ("StopExecution", {"executionArn": execution}, "ExecutionDoesNotExist"),
            ("GetExecutionHistory", {"executionArn": execution}, "ExecutionDoesNotExist"),
            ("DescribeStateMachineForExecution", {"executionArn": execution},
             "ExecutionDoesNotExist"),
            ("DescribeActivity", {"activityArn": activity}, "ActivityDoesNotExist"),
            ("GetActivityTask", {"activityArn": activity}, "ActivityDoesNotExist"),
            ("ListTagsForResource", {"resourceArn": activity}, "ResourceNotFound"),
            ("TagResource", {"resourceArn": machine, "tags": [{"key": "k", "value": "v"}]},
             "ResourceNotFound"),
            ("UntagResource", {"resourceArn": machine, "tagKeys": ["k"]}, "ResourceNotFound"),
        ]
        for operation, payload, code in cases:
            with self.subTest(operation=operation):
                self.assertRejected(operation, payload, code)
        # DeleteStateMachine and DeleteActivity list no "does not exist" error: they succeed.
        self.call("DeleteStateMachine", {"stateMachineArn": machine})
        self.call("DeleteActivity", {"activityArn": activity})

    def test_malformed_or_wrong_kind_arns_are_invalid_arn(self):
        cases = [
            ("DescribeStateMachine", {"stateMachineArn": "not-an-arn"}),
            ("DescribeStateMachine", {"stateMachineArn": self.activity}),
            ("StartExecution", {"stateMachineArn": self.activity}),
            ("ListExecutions", {"stateMachineArn": "arn:aws:states:us-east-1"}),
            ("DescribeExecution", {"executionArn": self.machine}),
            ("GetExecutionHistory", {"executionArn": "arn:aws:sqs:us-east-1:1:queue"}),
            ("DescribeActivity", {"activityArn": self.machine}),
            ("DeleteActivity", {"activityArn": "nope"}),
            ("DeleteStateMachine", {"stateMachineArn": "nope"}),
            ("ListTagsForResource", {"resourceArn": "nope"}),
            ("CreateStateMachine", {"name": unique("role"), "roleArn": "not-a-role",
                                    "definition": json.dumps(PASS_DEFINITION)}),
        ]
        for operation, payload in cases:
            with self.subTest(operation=operation, payload=payload):
                self.assertRejected(operation, payload, "InvalidArn")

    def test_bad_task_tokens(self):
        for operation, payload in [
                ("SendTaskSuccess", {"taskToken": "garbage", "output": "{}"}),
                ("SendTaskFailure", {"taskToken": "garbage"}),
                ("SendTaskHeartbeat", {"taskToken": "garbage"})]:
            with self.subTest(operation=operation):
                self.assertRejected(operation, payload, "InvalidToken")

    def test_server_still_serves_after_everything(self):
        started = self.call("StartExecution", {"stateMachineArn": self.machine,
                                               "input": '{"still": "here"}'})
        described = self.call("DescribeExecution", {"executionArn": started["executionArn"]})
        self.assertEqual(json.loads(described["input"]), {"still": "here"})


if __name__ == "__main__":
    unittest.main()
