"""Database models, one module per aggregate. Import from here."""

from webapp.models.group import Group, Membership
from webapp.models.user import Role, User

__all__ = ["Group", "Membership", "Role", "User"]
