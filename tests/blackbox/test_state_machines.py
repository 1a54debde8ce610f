"""CreateStateMachine / Describe / Update / List / Delete, with their AWS errors."""
import json
import time
import unittest

from sfn_harness import (PASS_DEFINITION, ROLE_ARN, CliError, ServerTestCase,
                         create_state_machine, unique)

MISSING_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:does-not-exist-blackbox"


class StateMachines(ServerTestCase):
    def test_create_describe_list(self):
        name = unique("crud")
        created = self.cli("create-state-machine", "--name", name, "--definition",
                           json.dumps(PASS_DEFINITION), "--role-arn", ROLE_ARN)
        arn = created["stateMachineArn"]
        self.assertTrue(arn.startswith("arn:aws:states:"), arn)
        self.assertTrue(arn.endswith(":stateMachine:" + name), arn)
        self.assertIn("creationDate", created)

        described = self.cli("describe-state-machine", "--state-machine-arn", arn)
        self.assertEqual(described["name"], name)
        self.assertEqual(described["status"], "ACTIVE")
        self.assertEqual(described["type"], "STANDARD")
        self.assertEqual(described["roleArn"], ROLE_ARN)
        self.assertEqual(json.loads(described["definition"]), PASS_DEFINITION)

        listed = self.cli("list-state-machines")["stateMachines"]
        mine = [m for m in listed if m["stateMachineArn"] == arn]
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine[0]["name"], name)
        self.assertEqual(mine[0]["type"], "STANDARD")

    def test_create_is_idempotent_for_the_same_definition(self):
        name = unique("idem")
        first = create_state_machine(self.cli, PASS_DEFINITION, name)
        second = create_state_machine(self.cli, PASS_DEFINITION, name)
        self.assertEqual(first, second)

    def test_create_with_a_different_definition_already_exists(self):
        name = unique("dup")
        create_state_machine(self.cli, PASS_DEFINITION, name)
        other = {"StartAt": "S", "States": {"S": {"Type": "Succeed"}}}
        self.assertCliError("StateMachineAlreadyExists", "create-state-machine", "--name", name,
                            "--definition", json.dumps(other), "--role-arn", ROLE_ARN)

    def test_a_name_longer_than_80_characters_is_a_validation_error(self):
        self.assertCliError("ValidationException", "create-state-machine", "--name", "x" * 81,
                            "--definition", json.dumps(PASS_DEFINITION), "--role-arn", ROLE_ARN)
        # Characters, not bytes: 80 two-byte characters are a valid name.
        name = "\u00e9" * 76 + unique("")[-4:]
        created = self.cli("create-state-machine", "--name", name, "--definition",
                           json.dumps(PASS_DEFINITION), "--role-arn", ROLE_ARN)
        self.assertTrue(created["stateMachineArn"].endswith(":" + name))
        self.assertCliError("ValidationException", "create-activity", "--name", "y" * 81)
        self.assertCliError("ValidationException", "start-execution", "--state-machine-arn",
                            created["stateMachineArn"], "--name", "z" * 81)

    def test_invalid_name(self):
        for bad in ["has space", "semi;colon", "brace{"]:
            with self.subTest(name=bad):
                self.assertCliError("InvalidName", "create-state-machine", "--name", bad,
                                    "--definition", json.dumps(PASS_DEFINITION),
                                    "--role-arn", ROLE_ARN)

    def test_invalid_definition(self):
        bad_definitions = [
            "not json at all",
            json.dumps({"States": {"P": {"Type": "Pass", "End": True}}}),      # no StartAt
            json.dumps({"StartAt": "Missing", "States": {"P": {"Type": "Pass", "End": True}}}),
            json.dumps({"StartAt": "P", "States": {"P": {"Type": "Nope", "End": True}}}),
            json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass"}}}),   # no Next/End
        ]
        for definition in bad_definitions:
            with self.subTest(definition=definition):
                self.assertCliError("InvalidDefinition", "create-state-machine",
                                    "--name", unique("bad"), "--definition", definition,
                                    "--role-arn", ROLE_ARN)

    def test_invalid_arn(self):
        self.assertCliError("InvalidArn", "describe-state-machine", "--state-machine-arn",
                            "not-an-arn")
        self.assertCliError("InvalidArn", "create-state-machine", "--name", unique("r"),
                            "--definition", json.dumps(PASS_DEFINITION), "--role-arn", "role")

    def test_does_not_exist(self):
        self.assertCliError("StateMachineDoesNotExist", "describe-state-machine",
                            "--state-machine-arn", MISSING_ARN)
        self.assertCliError("StateMachineDoesNotExist", "start-execution",
                            "--state-machine-arn", MISSING_ARN)
        self.assertCliError("StateMachineDoesNotExist", "update-state-machine",
                            "--state-machine-arn", MISSING_ARN, "--definition",
                            json.dumps(PASS_DEFINITION))

    def test_update(self):
        arn = create_state_machine(self.cli, PASS_DEFINITION, unique("upd"))
        new_definition = {"StartAt": "S", "States": {"S": {"Type": "Succeed"}}}
        updated = self.cli("update-state-machine", "--state-machine-arn", arn,
                           "--definition", json.dumps(new_definition))
        self.assertIn("updateDate", updated)
        described = self.cli("describe-state-machine", "--state-machine-arn", arn)
        self.assertEqual(json.loads(described["definition"]), new_definition)
        self.assertCliError("InvalidDefinition", "update-state-machine", "--state-machine-arn",
                            arn, "--definition", "{}")
        self.assertCliError("MissingRequiredParameter", "update-state-machine",
                            "--state-machine-arn", arn)

    def test_delete(self):
        arn = create_state_machine(self.cli, PASS_DEFINITION, unique("del"))
        self.cli("delete-state-machine", "--state-machine-arn", arn)
        # AWS deletes asynchronously: DELETING for a while, then StateMachineDoesNotExist.
        deadline = time.monotonic() + 10
        while True:
            try:
                described = self.cli("describe-state-machine", "--state-machine-arn", arn)
            except CliError as error:
                self.assertEqual(error.code, "StateMachineDoesNotExist")
                break
            self.assertEqual(described["status"], "DELETING")
            self.assertLess(time.monotonic(), deadline, "still DELETING after 10 s")
            time.sleep(0.2)
        listed = self.cli("list-state-machines")["stateMachines"]
        self.assertNotIn(arn, [m["stateMachineArn"] for m in listed])


if __name__ == "__main__":
    unittest.main()
