from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamStateRequest")


@_attrs_define
class StreamStateRequest:
    """
    Attributes:
        query_id (str):
        partition_id (str):
        keys (list[str] | Unset): Keys to read; absent or empty means all.
        key_prefix (str | Unset):
        ripe_at_or_before (float | Unset): Only rows whose `value.windowEnd` is a number at most this.
        with_version (bool | Unset): queen_server extension; other servers ignore it. Also answer `version`, the
            partition's state version.
    """

    query_id: str
    partition_id: str
    keys: list[str] | Unset = UNSET
    key_prefix: str | Unset = UNSET
    ripe_at_or_before: float | Unset = UNSET
    with_version: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query_id = self.query_id

        partition_id = self.partition_id

        keys: list[str] | Unset = UNSET
        if not isinstance(self.keys, Unset):
            keys = self.keys

        key_prefix = self.key_prefix

        ripe_at_or_before = self.ripe_at_or_before

        with_version = self.with_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "query_id": query_id,
                "partition_id": partition_id,
            }
        )
        if keys is not UNSET:
            field_dict["keys"] = keys
        if key_prefix is not UNSET:
            field_dict["key_prefix"] = key_prefix
        if ripe_at_or_before is not UNSET:
            field_dict["ripe_at_or_before"] = ripe_at_or_before
        if with_version is not UNSET:
            field_dict["with_version"] = with_version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        query_id = d.pop("query_id")

        partition_id = d.pop("partition_id")

        keys = cast(list[str], d.pop("keys", UNSET))

        key_prefix = d.pop("key_prefix", UNSET)

        ripe_at_or_before = d.pop("ripe_at_or_before", UNSET)

        with_version = d.pop("with_version", UNSET)

        stream_state_request = cls(
            query_id=query_id,
            partition_id=partition_id,
            keys=keys,
            key_prefix=key_prefix,
            ripe_at_or_before=ripe_at_or_before,
            with_version=with_version,
        )

        stream_state_request.additional_properties = d
        return stream_state_request

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
