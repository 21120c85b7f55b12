"""People, organisations and places named in an article, the titles given to people, and role conflicts."""

from service.people.mentions import entities_from_doc, extract_entities
from service.people.names import same_person
from service.people.roles import RoleConflict, normalise_role, role_conflict

__all__ = ["RoleConflict", "entities_from_doc", "extract_entities", "normalise_role", "role_conflict", "same_person"]
