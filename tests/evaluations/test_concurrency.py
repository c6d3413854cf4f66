"""One answer per person under parallel requests, with real threads each holding its own
connection and transaction (as gunicorn workers would), and no answer slipping in after the
questionnaire closes. Run on SQLite and on PostgreSQL by `make test`."""

import sqlalchemy as sa

from participa.accounts.models import User
from participa.evaluations import operations
from participa.evaluations.models import Evaluation, QuestionnaireAnswer
from participa.extensions import db
from tests.support import factories
from tests.support.evaluations import open_evaluation, plan_to_evaluate
from tests.support.parallel import run_parallel

THREADS = 8


def _answer(evaluation_id, user_id, value):
    def job():
        operations.answer_questionnaire(
            db.session.get(Evaluation, evaluation_id),
            {"improved": value, "took_part": value, "informed": value,
             "comment": f"Resposta {value}"},
            actor=db.session.get(User, user_id))
    return job


def _answers():
    return list(db.session.scalars(sa.select(QuestionnaireAnswer)))


def _open():
    council = factories.make_user("council")
    evaluation = open_evaluation(plan_to_evaluate(council=council), actor=council)
    operations.open_questionnaire(evaluation, actor=council)
    return evaluation, council


def test_one_person_answering_in_parallel_has_one_answer(app):
    evaluation, _council = _open()
    person = factories.make_user()
    db.session.commit()
    jobs = [_answer(evaluation.id, person.id, 1 + n % 5) for n in range(THREADS)]
    ok, refused = run_parallel(app, jobs)
    assert ok == THREADS and refused == 0  # each replaced the one before
    db.session.expire_all()
    [answer] = _answers()
    assert answer.user_id == person.id and answer.comment == f"Resposta {answer.improved}"


def test_many_people_answering_at_once_each_have_one_answer(app):
    evaluation, _council = _open()
    people = [factories.make_user() for _ in range(THREADS)]
    db.session.commit()
    jobs = [_answer(evaluation.id, person.id, 3) for person in people] * 2
    ok, refused = run_parallel(app, jobs)
    assert ok == 2 * THREADS and refused == 0
    db.session.expire_all()
    assert sorted(a.user_id for a in _answers()) == sorted(p.id for p in people)


def test_no_answer_slips_in_after_the_questionnaire_closes(app):
    evaluation, council = _open()
    people = [factories.make_user() for _ in range(THREADS)]
    db.session.commit()

    def close():
        operations.close_questionnaire(db.session.get(Evaluation, evaluation.id),
                                       actor=db.session.get(User, council.id))

    jobs = [_answer(evaluation.id, person.id, 4) for person in people]
    ok, refused = run_parallel(app, [*jobs, close])
    assert ok + refused == THREADS + 1
    db.session.expire_all()
    assert len(_answers()) == ok - 1  # every answer that committed came before the closing
