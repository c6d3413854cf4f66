"""Running operations in parallel threads, each with its own database connection and
transaction (as gunicorn workers would), to prove the rules that must hold under races."""

import threading

from participa.core.errors import DomainError
from participa.extensions import db


def run_parallel(app, jobs):
    """Run each job(…) in its own thread and app context, all released at once; return how
    many committed and how many were refused with a DomainError."""
    barrier = threading.Barrier(len(jobs))
    results, errors = [], []

    def worker(job):
        with app.app_context():
            barrier.wait()
            try:
                job()
                db.session.commit()
                results.append("ok")
            except DomainError:
                db.session.rollback()
                results.append("refused")
            except Exception as error:  # noqa: BLE001 - reported below, fails the test
                db.session.rollback()
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results.count("ok"), results.count("refused")
