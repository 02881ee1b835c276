from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageCounts")


@_attrs_define
class MessageCounts:
    """Message counts by derived status.

    Attributes:
        total (int | Unset):
        pending (int | Unset):
        processing (int | Unset):
        completed (int | Unset):
        failed (int | Unset):
        dead_letter (int | Unset):
    """

    total: int | Unset = UNSET
    pending: int | Unset = UNSET
    processing: int | Unset = UNSET
    completed: int | Unset = UNSET
    failed: int | Unset = UNSET
    dead_letter: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        pending = self.pending

        processing = self.processing

        completed = self.completed

        failed = self.failed

        dead_letter = self.dead_letter

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total is not UNSET:
            field_dict["total"] = total
        if pending is not UNSET:
            field_dict["pending"] = pending
        if processing is not UNSET:
            field_dict["processing"] = processing
        if completed is not UNSET:
            field_dict["completed"] = completed
        if failed is not UNSET:
            field_dict["failed"] = failed
        if dead_letter is not UNSET:
            field_dict["deadLetter"] = dead_letter

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        total = d.pop("total", UNSET)

        pending = d.pop("pending", UNSET)

        processing = d.pop("processing", UNSET)

        completed = d.pop("completed", UNSET)

        failed = d.pop("failed", UNSET)

        dead_letter = d.pop("deadLetter", UNSET)

        message_counts = cls(
            total=total,
            pending=pending,
            processing=processing,
            completed=completed,
            failed=failed,
            dead_letter=dead_letter,
        )

        message_counts.additional_properties = d
        return message_counts

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
