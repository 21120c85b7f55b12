"""Story clustering: which articles report the same event (a story) and the same ongoing subject (a topic)."""

from service.stories.clusterer import StoryAssignment, StoryClusterer, StoryDocument, StoryThresholds
from service.stories.names import capitalised_names
from service.stories.members import MemberTable, StoryMember, StoryMembers, VectorRows
from service.stories.regional import Placement, RegionalClusterer

__all__ = ["MemberTable", "Placement", "StoryMember", "StoryMembers", "VectorRows", "RegionalClusterer", "StoryAssignment", "StoryClusterer", "StoryDocument", "StoryThresholds", "capitalised_names"]
