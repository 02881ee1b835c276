from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_counts import MessageCounts
    from ..models.queue_partition import QueuePartition


T = TypeVar("T", bound="QueueDetail")


@_attrs_define
class QueueDetail:
    """
    Attributes:
        id (str):
        name (str):
        namespace (str | Unset):
        task (str | Unset):
        created_at (str | Unset):
        partitions (list[QueuePartition] | Unset):
        totals (MessageCounts | Unset): Message counts by derived status.
    """

    id: str
    name: str
    namespace: str | Unset = UNSET
    task: str | Unset = UNSET
    created_at: str | Unset = UNSET
    partitions: list[QueuePartition] | Unset = UNSET
    totals: MessageCounts | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        id = self.id

        name = self.name

        namespace = self.namespace

        task = self.task

        created_at = self.created_at

        partitions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.partitions, Unset):
            partitions = []
            for partitions_item_data in self.partitions:
                partitions_item = partitions_item_data.to_dict()
                partitions.append(partitions_item)

        totals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.totals, Unset):
            totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if namespace is not UNSET:
            field_dict["namespace"] = namespace
        if task is not UNSET:
            field_dict["task"] = task
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if partitions is not UNSET:
            field_dict["partitions"] = partitions
        if totals is not UNSET:
            field_dict["totals"] = totals

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message_counts import MessageCounts
        from ..models.queue_partition import QueuePartition

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        namespace = d.pop("namespace", UNSET)

        task = d.pop("task", UNSET)

        created_at = d.pop("createdAt", UNSET)

        _partitions = d.pop("partitions", UNSET)
        partitions: list[QueuePartition] | Unset = UNSET
        if _partitions is not UNSET:
            partitions = []
            for partitions_item_data in _partitions:
                partitions_item = QueuePartition.from_dict(partitions_item_data)

                partitions.append(partitions_item)

        _totals = d.pop("totals", UNSET)
        totals: MessageCounts | Unset
        if isinstance(_totals, Unset):
            totals = UNSET
        else:
            totals = MessageCounts.from_dict(_totals)

        queue_detail = cls(
            id=id,
            name=name,
            namespace=namespace,
            task=task,
            created_at=created_at,
            partitions=partitions,
            totals=totals,
        )

        queue_detail.additional_properties = d
        return queue_detail

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
