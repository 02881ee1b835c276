from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamQueryRequest")


@_attrs_define
class StreamQueryRequest:
    """
    Attributes:
        name (str): Unique query name.
        source_queue (str):
        config_hash (str): Hash of the operator chain; a change needs `reset`.
        sink_queue (str | Unset): "" or absent means no sink.
        reset (bool | Unset): Wipe the query's state if the hash changed. Default: False.
        with_partitions (bool | Unset): queen_server extension; other servers ignore it. Also answer `partitions`, the
            source partitions on which the query keeps state.
    """

    name: str
    source_queue: str
    config_hash: str
    sink_queue: str | Unset = UNSET
    reset: bool | Unset = False
    with_partitions: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        source_queue = self.source_queue

        config_hash = self.config_hash

        sink_queue = self.sink_queue

        reset = self.reset

        with_partitions = self.with_partitions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "source_queue": source_queue,
                "config_hash": config_hash,
            }
        )
        if sink_queue is not UNSET:
            field_dict["sink_queue"] = sink_queue
        if reset is not UNSET:
            field_dict["reset"] = reset
        if with_partitions is not UNSET:
            field_dict["with_partitions"] = with_partitions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        source_queue = d.pop("source_queue")

        config_hash = d.pop("config_hash")

        sink_queue = d.pop("sink_queue", UNSET)

        reset = d.pop("reset", UNSET)

        with_partitions = d.pop("with_partitions", UNSET)

        stream_query_request = cls(
            name=name,
            source_queue=source_queue,
            config_hash=config_hash,
            sink_queue=sink_queue,
            reset=reset,
            with_partitions=with_partitions,
        )

        stream_query_request.additional_properties = d
        return stream_query_request

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
