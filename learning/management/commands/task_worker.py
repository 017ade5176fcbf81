"""`manage.py task_worker`: django-tasks-db's `db_worker`, made to survive.

Same options as `db_worker`; adds heartbeats, re-queuing of tasks lost with a
dead worker and reconnection after a database restart (learning.worker).
"""

from django_tasks_db.management.commands import db_worker

from learning.worker import SurvivingWorker


class Command(db_worker.Command):
    help = (
        "Run the task worker with heartbeats, re-queuing of tasks lost with a "
        "killed worker, and reconnection after a database restart."
    )

    def handle(self, *, verbosity: int, **options) -> None:
        self.configure_logging(verbosity)
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"]
        worker = SurvivingWorker(
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded.split(",") if excluded else [],
        )
        worker.configure_signals()
        worker.run()
