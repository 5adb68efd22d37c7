"""Background tasks with retries: the one way this project declares work for the task worker.

`retrying_task()` is django-tasks' `@task()` plus retries: when the task raises one of the
transient errors (by default a refused or dropped SMTP connection, or any network `OSError`), it is
queued again with an exponential back-off (1, 2, 4, 8 minutes...) until `attempts` runs in total;
the last failure is raised, so the worker records the task as failed with its traceback.

The back-off needs a backend that can defer (`TASKS_BACKEND=database`, the production default,
worked by `manage.py db_worker`). The immediate backend of `make run` and the tests runs each retry
at once instead. A task must therefore be safe to run twice for the same arguments, or record
its progress (the newsletter's batches do).
"""

from __future__ import annotations

import datetime
import functools
import logging
import smtplib
from collections.abc import Callable

from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

from cms.observability import current_request_id, new_request_id, request_id_var

logger = logging.getLogger("ipsp.tasks")

TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (smtplib.SMTPException, OSError)
ATTEMPT_ARGUMENT = "retry_attempt"
REQUEST_ID_ARGUMENT = "log_request_id"  # the id of the request that queued the task, for the worker's lines


class LoggedTask(Task):
    """A task that carries the current request id to the worker, so its log lines can be joined."""

    def enqueue(self, *args, **kwargs):
        if REQUEST_ID_ARGUMENT not in kwargs:
            kwargs[REQUEST_ID_ARGUMENT] = current_request_id() or new_request_id()
        return Task.enqueue(self, *args, **kwargs)


class RetryFrom(Exception):
    """Raised by a task that made progress before a transient failure: the retry runs with these
    arguments instead of the original ones (for example the rest of a batch)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__("retry from a later point")
        self.task_args = args
        self.task_kwargs = kwargs


def retry_delay(attempt: int, base_seconds: int) -> datetime.timedelta:
    """The wait before run `attempt + 1`: `base_seconds`, then doubling, at most a day."""
    return datetime.timedelta(seconds=min(base_seconds * 2 ** (attempt - 1), 24 * 3600))


def retrying_task(
    *,
    attempts: int = 5,
    retry_on: tuple[type[BaseException], ...] = TRANSIENT_ERRORS,
    backoff_seconds: int = 60,
    **task_options,
) -> Callable:
    """Declare a django-tasks task that is retried on `retry_on` errors (see the module docstring)."""

    def decorator(function: Callable):
        @functools.wraps(function)
        def run(*args, **kwargs):
            attempt = kwargs.pop(ATTEMPT_ARGUMENT, 1)
            token = request_id_var.set(kwargs.pop(REQUEST_ID_ARGUMENT, None) or new_request_id())
            try:
                logger.info("Task %s started (attempt %s)", declared.name, attempt)
                result = function(*args, **kwargs)
                logger.info("Task %s done", declared.name)
                return result
            except (RetryFrom, *retry_on) as error:
                if isinstance(error, RetryFrom):
                    args, kwargs = error.task_args, error.task_kwargs
                if attempt >= attempts:
                    logger.error("Task %s failed for good after %s attempts: %r", declared.name, attempt, error)
                    raise
                queued = declared
                delay = retry_delay(attempt, backoff_seconds)
                if declared.get_backend().supports_defer:
                    queued = declared.using(run_after=timezone.now() + delay)
                logger.warning(
                    "Task %s attempt %s of %s failed (%r); retrying in %s s",
                    declared.name,
                    attempt,
                    attempts,
                    error.__cause__ if isinstance(error, RetryFrom) else error,
                    int(delay.total_seconds()),
                )
                queued.enqueue(*args, **kwargs, **{ATTEMPT_ARGUMENT: attempt + 1})
                return None
            finally:
                request_id_var.reset(token)

        plain = task(**task_options)(run)
        declared = LoggedTask(**{field: getattr(plain, field) for field in plain.__dataclass_fields__})
        return declared

    return decorator
