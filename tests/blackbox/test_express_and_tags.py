"""StartSyncExecution on EXPRESS machines, and TagResource / UntagResource / ListTags."""
import json
import unittest

from sfn_harness import (PASS_DEFINITION, ServerTestCase, create_state_machine, template,
                         unique)


class ExpressSync(ServerTestCase):
    def test_sync_execution_succeeds(self):
        definition, data, expected = template("parallel")
        machine = create_state_machine(self.cli, definition, unique("express"),
                                       "--type", "EXPRESS")
        self.assertEqual(self.cli("describe-state-machine", "--state-machine-arn",
                                  machine)["type"], "EXPRESS")
        result = self.cli("start-sync-execution", "--state-machine-arn", machine,
                          "--name", unique("sync"), "--input", json.dumps(data))
        self.assertEqual(result["status"], "SUCCEEDED")
        self.assertEqual(json.loads(result["output"]), expected["output"])
        self.assertEqual(json.loads(result["input"]), data)
        self.assertEqual(result["stateMachineArn"], machine)
        self.assertIn(":express:", result["executionArn"])
        self.assertIn("startDate", result)
        self.assertIn("stopDate", result)

    def test_sync_execution_fails(self):
        definition, data, expected = template("fail")
        machine = create_state_machine(self.cli, definition, unique("express-fail"),
                                       "--type", "EXPRESS")
        result = self.cli("start-sync-execution", "--state-machine-arn", machine,
                          "--input", json.dumps(data))
        self.assertEqual(result["status"], "FAILED")
        self.assertEqual(result["error"], expected["error"])
        self.assertEqual(result["cause"], expected["cause"])
        self.assertNotIn("output", result)

    def test_sync_execution_on_a_standard_machine_is_refused(self):
        machine = create_state_machine(self.cli, PASS_DEFINITION, unique("standard"))
        self.assertCliError("StateMachineTypeNotSupported", "start-sync-execution",
                            "--state-machine-arn", machine)


class Tags(ServerTestCase):
    def tags(self, arn):
        listed = self.cli("list-tags-for-resource", "--resource-arn", arn)["tags"]
        return {t["key"]: t["value"] for t in listed}

    def test_tag_untag_list_on_a_state_machine(self):
        machine = create_state_machine(self.cli, PASS_DEFINITION, unique("tagged"),
                                       "--tags", "key=team,value=core")
        self.assertEqual(self.tags(machine), {"team": "core"})
        self.cli("tag-resource", "--resource-arn", machine, "--tags",
                 "key=env,value=dev", "key=team,value=platform")
        self.assertEqual(self.tags(machine), {"team": "platform", "env": "dev"})
        self.cli("untag-resource", "--resource-arn", machine, "--tag-keys", "team", "absent")
        self.assertEqual(self.tags(machine), {"env": "dev"})

    def test_tags_on_an_activity(self):
        arn = self.cli("create-activity", "--name", unique("tagged-act"))["activityArn"]
        self.assertEqual(self.tags(arn), {})
        self.cli("tag-resource", "--resource-arn", arn, "--tags", "key=k,value=v")
        self.assertEqual(self.tags(arn), {"k": "v"})

    def test_missing_resource(self):
        missing = "arn:aws:states:us-east-1:123456789012:stateMachine:" + unique("missing")
        self.assertCliError("ResourceNotFound", "list-tags-for-resource", "--resource-arn",
                            missing)
        self.assertCliError("ResourceNotFound", "tag-resource", "--resource-arn", missing,
                            "--tags", "key=k,value=v")


if __name__ == "__main__":
    unittest.main()
