from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeekToTimestampRequest")


@_attrs_define
class SeekToTimestampRequest:
    """
    Attributes:
        timestamp (str): Any timestamp PostgreSQL parses.
        to_end (bool | Unset): Ignored unless true.
    """

    timestamp: str
    to_end: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        timestamp = self.timestamp

        to_end = self.to_end

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "timestamp": timestamp,
            }
        )
        if to_end is not UNSET:
            field_dict["toEnd"] = to_end

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        timestamp = d.pop("timestamp")

        to_end = d.pop("toEnd", UNSET)

        seek_to_timestamp_request = cls(
            timestamp=timestamp,
            to_end=to_end,
        )

        seek_to_timestamp_request.additional_properties = d
        return seek_to_timestamp_request

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
