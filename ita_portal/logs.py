"""JSON log lines (one object a line) for the app server, the worker and commands."""

import contextvars
import json
import logging
from datetime import UTC, datetime

_context = contextvars.ContextVar("log_context", default=None)
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def bind(**values):
    return _context.set({**(_context.get() or {}), **values})


def unbind(token):
    _context.reset(token)


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **(_context.get() or {}),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
