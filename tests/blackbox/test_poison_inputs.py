"""Issue 9's single requests that crashed (SIGSEGV) or hung sfn-local, also again at every
restart: each is answered with AWS's error (or ends its execution with one) while the server
keeps serving, and a restart on the same database comes up and serves."""
import json
import time
import unittest

from sfn_harness import Server, raw_call, raw_request, error_type, ROLE_ARN, unique

DEEP = 100_000  # the findings' depth: a 200 KB array, under the 256 KiB input quota


def deep_array_text(depth=DEEP):
    return "[" * depth + "]" * depth


class PoisonInputs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()

    @classmethod
    def tearDownClass(cls):
        cls.server.remove()

    def call(self, operation, **payload):
        return raw_call(self.server.endpoint, operation, payload)

    def request(self, operation, **payload):
        return raw_request(self.server.endpoint, "AWSStepFunctions." + operation,
                           json.dumps(payload), timeout=60)

    def assertServing(self):
        self.call("ListStateMachines")

    def machine(self, definition, prefix="poison"):
        return self.call("CreateStateMachine", name=unique(prefix),
                         definition=json.dumps(definition), roleArn=ROLE_ARN)["stateMachineArn"]

    def run_to_end(self, machine, input_text="{}", timeout=60):
        arn = self.call("StartExecution", stateMachineArn=machine, input=input_text)["executionArn"]
        deadline = time.monotonic() + timeout
        while True:
            described = self.call("DescribeExecution", executionArn=arn)
            if described["status"] != "RUNNING" or time.monotonic() > deadline:
                return described
            time.sleep(0.05)

    def test_1_deep_execution_input_is_invalid_execution_input(self):
        machine = self.machine({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}})
        status, body, _ = self.request("StartExecution", stateMachineArn=machine,
                                       input=deep_array_text())
        self.assertEqual(status, 400)
        self.assertEqual(error_type(body), "InvalidExecutionInput")
        self.assertIn("nesting depth", body["message"])
        # At the limit (1,000, Jackson's default) the input is accepted and runs.
        done = self.run_to_end(machine, deep_array_text(1000))
        self.assertEqual(done["status"], "SUCCEEDED")
        self.assertServing()

    def test_2_deep_request_body_is_a_serialization_exception(self):
        body = '{"name":' + deep_array_text() + "}"
        status, parsed, _ = raw_request(self.server.endpoint, "AWSStepFunctions.ListActivities",
                                        body)
        self.assertEqual(status, 400)
        self.assertEqual(error_type(parsed), "SerializationException")
        self.assertServing()

    def test_3_deep_pass_result_is_an_invalid_definition(self):
        definition = ('{"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Result":'
                      + deep_array_text() + "}}}")
        status, body, _ = self.request("CreateStateMachine", name=unique("deep"),
                                       definition=definition, roleArn=ROLE_ARN)
        self.assertEqual(status, 400)
        self.assertEqual(error_type(body), "InvalidDefinition")
        self.assertServing()

    def test_4_deep_text_in_expressions_fails_the_execution(self):
        deep = deep_array_text()
        cases = {
            "StringToJson": {"StartAt": "P", "States": {"P": {
                "Type": "Pass", "Parameters": {"v.$": "States.StringToJson($.text)"},
                "End": True}}},
            "parse": {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {
                "Type": "Pass", "Output": "{% $parse($states.input.text) %}", "End": True}}},
            "string": {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {
                "Type": "Pass", "Output": "{% $string($parse($states.input.text)) %}",
                "End": True}}},
        }
        for name, definition in cases.items():
            with self.subTest(name):
                done = self.run_to_end(self.machine(definition, name),
                                       json.dumps({"text": deep}))
                self.assertEqual(done["status"], "FAILED", done)
                self.assertIn(done["error"], ("States.Runtime", "States.IntrinsicFailure",
                                              "States.QueryEvaluationError"))
                self.assertServing()

    def test_5_regex_over_long_text_and_catastrophic_backtracking(self):
        long_text = "a" * 100_000
        cases = {
            "jsonpath_filter": ({"StartAt": "P", "States": {"P": {
                "Type": "Pass", "InputPath": "$.items[?(@.s =~ /a.*b/)]", "End": True}}},
                {"items": [{"s": long_text}]}),
            "contains": ({"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {
                "Type": "Pass", "Output": "{% $contains($states.input.s, /(a|b)*c/) %}",
                "End": True}}}, {"s": long_text}),
            "match": ({"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {
                "Type": "Pass", "Output": "{% $match($states.input.s, /(a|b)*c/) %}",
                "End": True}}}, {"s": long_text}),
            "backtracking": ({"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {
                "Type": "Pass", "Output": "{% $match($states.input.s, /(a+)+$/) %}",
                "End": True}}}, {"s": "a" * 36 + "!"}),
        }
        for name, (definition, input_value) in cases.items():
            with self.subTest(name):
                began = time.monotonic()
                done = self.run_to_end(self.machine(definition, name), json.dumps(input_value))
                self.assertNotEqual(done["status"], "RUNNING", f"{name} still running")
                self.assertLess(time.monotonic() - began, 30, name)
                self.assertServing()

    def test_6_descendants_over_a_deep_object_are_bounded(self):
        nested = {}
        node = nested
        for _ in range(900):
            node["a"] = {"b": [1, 2, 3]}
            node = node["a"]
        cases = {
            "jsonpath": {"StartAt": "P", "States": {"P": {
                "Type": "Pass", "InputPath": "$..*", "End": True}}},
            "jsonata": {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {
                "Type": "Pass", "Output": "{% $count($states.input.**) %}", "End": True}}},
        }
        for name, definition in cases.items():
            with self.subTest(name):
                done = self.run_to_end(self.machine(definition, name), json.dumps(nested))
                self.assertNotEqual(done["status"], "RUNNING")
                self.assertServing()

    def test_7_restart_on_the_same_database_comes_up_and_serves(self):
        self.server.kill9()
        began = time.monotonic()
        self.server.start()
        self.assertServing()
        self.assertLess(time.monotonic() - began, 20)


if __name__ == "__main__":
    unittest.main()
