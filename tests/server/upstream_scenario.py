"""The upstream queen-mq client against a queen_server: push, pop, ack, consume with failures
and the DLQ, a transaction. Prints one JSON line of what it saw."""

import asyncio
import json
import sys
import uuid

from queen import Queen


async def main(url: str, token: str | None) -> None:
    out = {}
    q = f"up-{uuid.uuid4().hex[:8]}"
    dst = q + "-dst"
    async with Queen(url, bearer_token=token) as queen:
        await queen.queue(q).config({"retryLimit": 1, "leaseTime": 30}).create()
        await queen.queue(q).push([{"data": {"n": i}} for i in range(6)])
        popped = await queen.queue(q).batch(2).wait(False).pop()
        out["popped"] = [m["data"]["n"] for m in popped]
        acked = await queen.ack(popped, True)
        out["ack"] = acked.get("success", acked)
        seen = []

        async def handler(message):
            n = message["data"]["n"]
            seen.append(n)
            if n == 2:
                raise RuntimeError("poison")

        await queen.queue(q).batch(1).limit(6).idle_millis(3000).consume(handler)
        out["consumed"] = seen
        dlq = await queen.queue(q).dlq().limit(10).get()
        out["dlq"] = [m["data"]["n"] for m in dlq.get("messages", [])]
        await queen.queue(q).push([{"data": {"tx": 1}}])
        (msg,) = await queen.queue(q).batch(1).wait(True).timeout_millis(2000).pop()
        result = (
            await queen.transaction()
            .ack(msg)
            .queue(dst)
            .push([{"data": {"moved": msg["data"]}}])
            .commit()
        )
        out["transaction"] = result.get("success")
        moved = await queen.queue(dst).batch(5).wait(True).timeout_millis(2000).pop()
        out["moved"] = [m["data"] for m in moved]
        out["left"] = len(await queen.queue(q).batch(10).wait(False).pop())
    print(json.dumps(out))


asyncio.run(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
