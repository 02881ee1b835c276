from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stream_query_response_partitions_item import (
        StreamQueryResponsePartitionsItem,
    )


T = TypeVar("T", bound="StreamQueryResponse")


@_attrs_define
class StreamQueryResponse:
    """
    Attributes:
        success (bool):
        query_id (str | Unset):
        name (str | Unset):
        config_hash (str | Unset):
        fresh (bool | Unset): The query was created by this call.
        reset (bool | Unset): The query's state was wiped by this call.
        error (str | Unset):
        partitions (list[StreamQueryResponsePartitionsItem] | Unset): queen_server extension, answered to
            `with_partitions`.
    """

    success: bool
    query_id: str | Unset = UNSET
    name: str | Unset = UNSET
    config_hash: str | Unset = UNSET
    fresh: bool | Unset = UNSET
    reset: bool | Unset = UNSET
    error: str | Unset = UNSET
    partitions: list[StreamQueryResponsePartitionsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        success = self.success

        query_id = self.query_id

        name = self.name

        config_hash = self.config_hash

        fresh = self.fresh

        reset = self.reset

        error = self.error

        partitions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.partitions, Unset):
            partitions = []
            for partitions_item_data in self.partitions:
                partitions_item = partitions_item_data.to_dict()
                partitions.append(partitions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
            }
        )
        if query_id is not UNSET:
            field_dict["query_id"] = query_id
        if name is not UNSET:
            field_dict["name"] = name
        if config_hash is not UNSET:
            field_dict["config_hash"] = config_hash
        if fresh is not UNSET:
            field_dict["fresh"] = fresh
        if reset is not UNSET:
            field_dict["reset"] = reset
        if error is not UNSET:
            field_dict["error"] = error
        if partitions is not UNSET:
            field_dict["partitions"] = partitions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stream_query_response_partitions_item import (
            StreamQueryResponsePartitionsItem,
        )

        d = dict(src_dict)
        success = d.pop("success")

        query_id = d.pop("query_id", UNSET)

        name = d.pop("name", UNSET)

        config_hash = d.pop("config_hash", UNSET)

        fresh = d.pop("fresh", UNSET)

        reset = d.pop("reset", UNSET)

        error = d.pop("error", UNSET)

        _partitions = d.pop("partitions", UNSET)
        partitions: list[StreamQueryResponsePartitionsItem] | Unset = UNSET
        if _partitions is not UNSET:
            partitions = []
            for partitions_item_data in _partitions:
                partitions_item = StreamQueryResponsePartitionsItem.from_dict(
                    partitions_item_data
                )

                partitions.append(partitions_item)

        stream_query_response = cls(
            success=success,
            query_id=query_id,
            name=name,
            config_hash=config_hash,
            fresh=fresh,
            reset=reset,
            error=error,
            partitions=partitions,
        )

        stream_query_response.additional_properties = d
        return stream_query_response

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
