"""Enums whose members carry a translated label: ``DRAFT = "draft", _l("Draft")``."""

import enum


class LabelledEnum(enum.Enum):
    """The stored value first, then the label people read (lazy: translated when shown)."""

    def __new__(cls, value, label=None):
        member = object.__new__(cls)
        member._value_ = value
        member.label = value if label is None else label
        return member
