from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="TraceNameSummary")


@_attrs_define
class TraceNameSummary:
    """
    Attributes:
        trace_name (str | Unset):
        trace_count (int | Unset):
        message_count (int | Unset):
        last_seen (str | Unset):
    """

    trace_name: str | Unset = UNSET
    trace_count: int | Unset = UNSET
    message_count: int | Unset = UNSET
    last_seen: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        trace_name = self.trace_name

        trace_count = self.trace_count

        message_count = self.message_count

        last_seen = self.last_seen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if trace_name is not UNSET:
            field_dict["trace_name"] = trace_name
        if trace_count is not UNSET:
            field_dict["trace_count"] = trace_count
        if message_count is not UNSET:
            field_dict["message_count"] = message_count
        if last_seen is not UNSET:
            field_dict["last_seen"] = last_seen

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        trace_name = d.pop("trace_name", UNSET)

        trace_count = d.pop("trace_count", UNSET)

        message_count = d.pop("message_count", UNSET)

        last_seen = d.pop("last_seen", UNSET)

        trace_name_summary = cls(
            trace_name=trace_name,
            trace_count=trace_count,
            message_count=message_count,
            last_seen=last_seen,
        )

        trace_name_summary.additional_properties = d
        return trace_name_summary

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
