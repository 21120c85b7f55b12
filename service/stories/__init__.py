"""Story clustering: which articles report the same event (a story) and the same ongoing subject (a topic)."""

from service.stories.clusterer import StoryAssignment, StoryClusterer, StoryDocument, StoryThresholds
from service.stories.names import capitalised_names

__all__ = ["StoryAssignment", "StoryClusterer", "StoryDocument", "StoryThresholds", "capitalised_names"]
