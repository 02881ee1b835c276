from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stream_cycle_ack import StreamCycleAck
    from ..models.stream_push_item import StreamPushItem
    from ..models.stream_state_op import StreamStateOp


T = TypeVar("T", bound="StreamCycleRequest")


@_attrs_define
class StreamCycleRequest:
    """
    Attributes:
        query_id (str):
        partition_id (str): The source partition.
        consumer_group (str | Unset):  Default: '__QUEUE_MODE__'.
        release_lease (bool | Unset):  Default: True.
        state_ops (list[StreamStateOp] | Unset):
        push_items (list[StreamPushItem] | Unset):
        ack (None | StreamCycleAck | Unset):
        expect_version (int | Unset): queen_server extension. Refuse the cycle unless the partition's state is still at
            this version (the client computed from it).
        cycle_id (str | Unset): queen_server extension. A cycle sent again with the same id after its answer was lost is
            answered success with `replayed` and not applied twice.
    """

    query_id: str
    partition_id: str
    consumer_group: str | Unset = "__QUEUE_MODE__"
    release_lease: bool | Unset = True
    state_ops: list[StreamStateOp] | Unset = UNSET
    push_items: list[StreamPushItem] | Unset = UNSET
    ack: None | StreamCycleAck | Unset = UNSET
    expect_version: int | Unset = UNSET
    cycle_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stream_cycle_ack import StreamCycleAck

        query_id = self.query_id

        partition_id = self.partition_id

        consumer_group = self.consumer_group

        release_lease = self.release_lease

        state_ops: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.state_ops, Unset):
            state_ops = []
            for state_ops_item_data in self.state_ops:
                state_ops_item = state_ops_item_data.to_dict()
                state_ops.append(state_ops_item)

        push_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.push_items, Unset):
            push_items = []
            for push_items_item_data in self.push_items:
                push_items_item = push_items_item_data.to_dict()
                push_items.append(push_items_item)

        ack: dict[str, Any] | None | Unset
        if isinstance(self.ack, Unset):
            ack = UNSET
        elif isinstance(self.ack, StreamCycleAck):
            ack = self.ack.to_dict()
        else:
            ack = self.ack

        expect_version = self.expect_version

        cycle_id = self.cycle_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "query_id": query_id,
                "partition_id": partition_id,
            }
        )
        if consumer_group is not UNSET:
            field_dict["consumer_group"] = consumer_group
        if release_lease is not UNSET:
            field_dict["release_lease"] = release_lease
        if state_ops is not UNSET:
            field_dict["state_ops"] = state_ops
        if push_items is not UNSET:
            field_dict["push_items"] = push_items
        if ack is not UNSET:
            field_dict["ack"] = ack
        if expect_version is not UNSET:
            field_dict["expect_version"] = expect_version
        if cycle_id is not UNSET:
            field_dict["cycle_id"] = cycle_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stream_cycle_ack import StreamCycleAck
        from ..models.stream_push_item import StreamPushItem
        from ..models.stream_state_op import StreamStateOp

        d = dict(src_dict)
        query_id = d.pop("query_id")

        partition_id = d.pop("partition_id")

        consumer_group = d.pop("consumer_group", UNSET)

        release_lease = d.pop("release_lease", UNSET)

        _state_ops = d.pop("state_ops", UNSET)
        state_ops: list[StreamStateOp] | Unset = UNSET
        if _state_ops is not UNSET:
            state_ops = []
            for state_ops_item_data in _state_ops:
                state_ops_item = StreamStateOp.from_dict(state_ops_item_data)

                state_ops.append(state_ops_item)

        _push_items = d.pop("push_items", UNSET)
        push_items: list[StreamPushItem] | Unset = UNSET
        if _push_items is not UNSET:
            push_items = []
            for push_items_item_data in _push_items:
                push_items_item = StreamPushItem.from_dict(push_items_item_data)

                push_items.append(push_items_item)

        def _parse_ack(data: object) -> None | StreamCycleAck | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ack_type_0 = StreamCycleAck.from_dict(data)

                return ack_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StreamCycleAck | Unset, data)

        ack = _parse_ack(d.pop("ack", UNSET))

        expect_version = d.pop("expect_version", UNSET)

        cycle_id = d.pop("cycle_id", UNSET)

        stream_cycle_request = cls(
            query_id=query_id,
            partition_id=partition_id,
            consumer_group=consumer_group,
            release_lease=release_lease,
            state_ops=state_ops,
            push_items=push_items,
            ack=ack,
            expect_version=expect_version,
            cycle_id=cycle_id,
        )

        stream_cycle_request.additional_properties = d
        return stream_cycle_request

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
