"""A real SMTP server on loopback for the drills (aiosmtpd): it accepts every message and appends one
tab-separated line per message to LOG: the time, the envelope sender, the recipients and the case
ids the body links to (/staff/cases/<id>), both comma separated, the delay and the subject. A positive number of seconds in the file DELAY (read at each
message) makes it wait that long before it answers the DATA command: a slow server.

    python3 smtp_sink.py PORT LOG DELAY
"""
import asyncio
import email
import email.policy
import re
import sys
import time

from aiosmtpd.controller import Controller

CASE_LINK = re.compile(r"/staff/cases/(\d+)")


class Sink:
    def __init__(self, log, delay):
        self.log = log
        self.delay = delay

    def _delay(self):
        try:
            with open(self.delay) as f:
                return float(f.read().strip() or 0)
        except (OSError, ValueError):
            return 0.0

    async def handle_DATA(self, server, session, envelope):
        wait = self._delay()
        if wait > 0:
            await asyncio.sleep(wait)
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        text = body.get_content() if body is not None else ""
        fields = [f"{time.time():.3f}", envelope.mail_from, ",".join(envelope.rcpt_tos),
                  ",".join(CASE_LINK.findall(text)), f"{wait:g}", str(msg.get("Subject", ""))]
        line = "\t".join(re.sub(r"[\t\r\n]+", " ", f) for f in fields)
        with open(self.log, "a") as f:
            f.write(line + "\n")
        return "250 OK"


def main():
    port, log, delay = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    controller = Controller(Sink(log, delay), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"smtp sink on 127.0.0.1:{port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
