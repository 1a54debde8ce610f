"""Browser access (issue 9): no web page can drive sfn-local unless the operator allows it.

A POST or preflight from a foreign Origin is refused (403 AccessDeniedException naming
--allow-origin) and gets no data; a foreign Host header (DNS rebinding) likewise; the console's
own origin, requests without Origin, `sync-` hosts and --allow-origin / --allow-host work.
HTTP-level errors answer AWS's JSON error shape."""
import json
import socket
import unittest

from sfn_harness import (PASS_DEFINITION, ROLE_ARN, ServerTestCase, api_headers, error_type,
                         http_request, raw_call, unique)

EVIL = "http://evil.example"


def create_body(name, kind="STANDARD"):
    return json.dumps({"name": name, "definition": json.dumps(PASS_DEFINITION),
                       "roleArn": ROLE_ARN, "type": kind})


class BrowserAccess(ServerTestCase):
    def names(self):
        listed = raw_call(self.server.endpoint, "ListStateMachines", {})["stateMachines"]
        return {machine["name"] for machine in listed}

    def assertRefused(self, status, headers, text, hint):
        self.assertEqual(status, 403, text)
        self.assertEqual(headers.get("content-type"), "application/x-amz-json-1.0", text)
        parsed = json.loads(text)
        self.assertEqual(error_type(parsed), "AccessDeniedException", text)
        self.assertIn(hint, parsed["message"])
        self.assertNotIn("access-control-allow-origin", headers)

    def test_foreign_origin_post_is_refused_with_no_data(self):
        existing = unique("kept")
        raw_call(self.server.endpoint, "CreateStateMachine",
                 json.loads(create_body(existing)))
        status, headers, text = http_request(self.server.port, "POST", "/",
                                             api_headers("ListStateMachines", Origin=EVIL), "{}")
        self.assertRefused(status, headers, text, "--allow-origin")
        self.assertNotIn(existing, text)

        name = unique("evil")
        status, headers, text = http_request(self.server.port, "POST", "/",
                                             api_headers("CreateStateMachine", Origin=EVIL),
                                             create_body(name))
        self.assertRefused(status, headers, text, "--allow-origin")
        self.assertNotIn(name, self.names())

    def test_foreign_origin_preflight_is_refused(self):
        status, headers, text = http_request(self.server.port, "OPTIONS", "/", {
            "Origin": EVIL, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,x-amz-target"})
        self.assertRefused(status, headers, text, "--allow-origin")

    def test_requests_without_origin_work_and_carry_no_cors_headers(self):
        status, headers, text = http_request(self.server.port, "POST", "/",
                                             api_headers("ListStateMachines"), "{}")
        self.assertEqual(status, 200, text)
        self.assertNotIn("access-control-allow-origin", headers)

    def test_same_origin_is_allowed(self):
        port = self.server.port
        for host in [f"127.0.0.1:{port}", f"localhost:{port}"]:
            with self.subTest(host=host):
                name = unique("console")
                status, _, text = http_request(
                    port, "POST", "/",
                    api_headers("CreateStateMachine", Host=host, Origin=f"http://{host}"),
                    create_body(name))
                self.assertEqual(status, 200, text)
                self.assertIn(name, self.names())

    def test_foreign_host_is_refused_with_no_data(self):
        host = f"evil.example:{self.server.port}"
        status, headers, text = http_request(self.server.port, "POST", "/",
                                             api_headers("ListStateMachines", Host=host), "{}")
        self.assertRefused(status, headers, text, "--allow-host evil.example")
        # The DNS-rebinding page posts to its own origin: Origin and Host agree, still refused.
        name = unique("rebound")
        status, headers, text = http_request(
            self.server.port, "POST", "/",
            api_headers("CreateStateMachine", Host=host, Origin=f"http://{host}"),
            create_body(name))
        self.assertRefused(status, headers, text, "--allow-host")
        self.assertNotIn(name, self.names())

    def test_sync_localhost_is_allowed(self):
        arn = raw_call(self.server.endpoint, "CreateStateMachine",
                       json.loads(create_body(unique("sync"), "EXPRESS")))["stateMachineArn"]
        status, _, text = http_request(
            self.server.port, "POST", "/",
            api_headers("StartSyncExecution", Host=f"sync-localhost:{self.server.port}"),
            json.dumps({"stateMachineArn": arn, "input": '{"a":1}'}))
        self.assertEqual(status, 200, text)
        self.assertEqual(json.loads(text)["status"], "SUCCEEDED", text)

    def test_http_errors_use_the_aws_json_error_shape(self):
        cases = [("GET", "/no/such/page", 404, "NotFoundException"),
                 ("PUT", "/", 405, "MethodNotAllowedException"),
                 ("DELETE", "/", 405, "MethodNotAllowedException")]
        for method, path, code, kind in cases:
            with self.subTest(method=method, path=path):
                status, headers, text = http_request(self.server.port, method, path)
                self.assertEqual(status, code, text)
                self.assertEqual(headers.get("content-type"), "application/x-amz-json-1.0")
                self.assertEqual(error_type(json.loads(text)), kind, text)
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
            s.sendall(b"THIS IS NOT HTTP\r\n\r\n")
            reply = b""
            while chunk := s.recv(4096):
                reply += chunk
        head, _, body = reply.partition(b"\r\n\r\n")
        self.assertTrue(head.startswith(b"HTTP/1.1 400"), reply)
        self.assertIn(b"application/x-amz-json-1.0", head)
        self.assertEqual(error_type(json.loads(body)), "BadRequestException", reply)

    def test_the_info_page_still_answers_get(self):
        status, _, text = http_request(self.server.port, "GET", "/")
        self.assertEqual(status, 200, text)
        self.assertTrue(text.startswith("sfn-local"), text)


class AllowOriginAndHost(ServerTestCase):
    extra_args = ("--allow-origin", "http://localhost:3000", "--allow-host", "sfn-local.test")

    def test_allowed_origin_may_post_and_read_with_cors_headers(self):
        origin = "http://localhost:3000"
        status, headers, text = http_request(self.server.port, "OPTIONS", "/", {
            "Origin": origin, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,x-amz-target"})
        self.assertEqual(status, 204, text)
        self.assertEqual(headers.get("access-control-allow-origin"), origin)
        self.assertIn("POST", headers.get("access-control-allow-methods", ""))
        self.assertIn("x-amz-target", headers.get("access-control-allow-headers", ""))

        name = unique("cors")
        status, headers, text = http_request(self.server.port, "POST", "/",
                                             api_headers("CreateStateMachine", Origin=origin),
                                             create_body(name))
        self.assertEqual(status, 200, text)
        self.assertEqual(headers.get("access-control-allow-origin"), origin)
        self.assertIn("x-amzn-requestid", headers.get("access-control-expose-headers", "").lower())

    def test_other_origins_are_still_refused(self):
        status, headers, text = http_request(self.server.port, "POST", "/",
                                             api_headers("ListStateMachines", Origin=EVIL), "{}")
        self.assertEqual(status, 403, text)
        self.assertNotIn("access-control-allow-origin", headers)

    def test_allowed_host_is_served(self):
        for host in ["sfn-local.test", f"sfn-local.test:{self.server.port}"]:
            with self.subTest(host=host):
                status, _, text = http_request(self.server.port, "POST", "/",
                                               api_headers("ListStateMachines", Host=host), "{}")
                self.assertEqual(status, 200, text)


if __name__ == "__main__":
    unittest.main()
