"""Who may open a route: one decorator, so the access-control test can read it back."""

from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from webapp.models import Role


def roles_required(*roles: Role):
    """Allow only logged-in users with one of ``roles``; others get 403 (anonymous: login)."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        wrapped.allowed_roles = frozenset(roles)
        return wrapped

    return decorator


trainee_only = roles_required(Role.TRAINEE)
teachers = roles_required(Role.TEACHER, Role.ADMIN)
admins = roles_required(Role.ADMIN)
