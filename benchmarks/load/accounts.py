"""The load test's people, added to a database that ``ordvard setup`` has made (migrations,
bundled content, demo group and accounts).

    DATABASE_URL=postgresql://... python benchmarks/load/accounts.py --trainees 400 --teachers 5

Trainees ``last-0000@…`` onwards and teachers ``last-larare-00@…`` join the demo group (the
teachers lead it), all with the password in ``visits.PASSWORD``. A few other trainees of the
group submit a note each, so the teachers' review queue and insights have something to show;
the load's own trainees start with nothing. The password is hashed once and the hash shared:
argon2 takes the same time for each account, and the accounts are throwaway.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.load.visits import NOTE, PASSWORD, TEACHER_EMAIL, TRAINEE_EMAIL

SUBMITTER_EMAIL = "last-inlamnare-{:02d}@ordvard.example"


def add_accounts(trainees: int, teachers: int, submitted_notes: int) -> None:
    """Add the accounts to the demo group (inside an app context); commits."""
    from sqlalchemy import select

    from webapp.demo import DEMO_JOIN_CODE
    from webapp.extensions import db
    from webapp.models import Group, Lesson, Membership, Role, User
    from webapp.models.group import MemberRole
    from webapp.write import service

    group = db.session.scalar(select(Group).where(Group.join_code == DEMO_JOIN_CODE))
    if group is None:
        raise SystemExit("the demo group is missing: run `ordvard setup` first")
    hashed = User(email="x@y.z", display_name="x", role=Role.TRAINEE, l1="en")
    hashed.set_password(PASSWORD)
    people = (
        [(TRAINEE_EMAIL.format(n), f"Last {n}", Role.TRAINEE) for n in range(trainees)]
        + [(TEACHER_EMAIL.format(n), f"Lärare {n}", Role.TEACHER) for n in range(teachers)]
        + [
            (SUBMITTER_EMAIL.format(n), f"Inlämnare {n}", Role.TRAINEE)
            for n in range(submitted_notes)
        ]
    )
    users = []
    for email, name, role in people:
        user = User(email=email, display_name=name, role=role, l1="ar")
        user.password_hash = hashed.password_hash
        leader = role is Role.TEACHER
        user.memberships.append(
            Membership(group=group, role=MemberRole.LEADER if leader else MemberRole.MEMBER)
        )
        users.append(user)
    db.session.add_all(users)
    db.session.commit()
    lessons = list(db.session.scalars(select(Lesson).order_by(Lesson.slug)))
    exercises = [
        context
        for lesson in lessons
        for exercise in service.record_of(lesson).exercises
        if (context := service.find_exercise(lesson, exercise.id)) is not None
    ]
    for n, user in enumerate(users[len(users) - submitted_notes :]):
        service.submit_note(user, exercises[n % len(exercises)], NOTE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trainees", type=int, required=True)
    parser.add_argument("--teachers", type=int, default=5)
    parser.add_argument("--submitted-notes", type=int, default=30)
    args = parser.parse_args()
    from webapp import create_app

    app = create_app()
    with app.app_context():
        add_accounts(args.trainees, args.teachers, args.submitted_notes)
    print(
        f"accounts: {args.trainees} trainees, {args.teachers} teachers, "
        f"{args.submitted_notes} submitted notes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
