#!/usr/bin/env python3
"""A local webhook receiver for trying decoop: prints every delivery and checks its Standard
Webhooks signature with the subscription's secret.

    python3 scripts/webhook-receiver.py whsec_... [port]
"""
import base64
import hashlib
import hmac
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

SECRET = sys.argv[1] if len(sys.argv) > 1 else None
PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 9999


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        msg_id, stamp = self.headers["webhook-id"], self.headers["webhook-timestamp"]
        verdict = "no secret given"
        if SECRET:
            key = base64.b64decode(SECRET[len("whsec_"):])
            expected = base64.b64encode(hmac.new(key, f"{msg_id}.{stamp}.{body}".encode(), hashlib.sha256).digest()).decode()
            sent = [s.split(",", 1)[1] for s in self.headers["webhook-signature"].split() if s.startswith("v1,")]
            verdict = "VALID" if any(hmac.compare_digest(expected, s) for s in sent) else "INVALID"
        event = json.loads(body)
        print(f"{event['type']} about {event.get('subject')}  webhook-id={msg_id}  signature {verdict}", flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


print(f"listening on http://127.0.0.1:{PORT}/", flush=True)
HTTPServer(("127.0.0.1", PORT), Receiver).serve_forever()
