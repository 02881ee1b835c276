from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.status_queue_detail_partitions_item import (
        StatusQueueDetailPartitionsItem,
    )
    from ..models.status_queue_detail_queue import StatusQueueDetailQueue
    from ..models.status_queue_detail_totals import StatusQueueDetailTotals


T = TypeVar("T", bound="StatusQueueDetail")


@_attrs_define
class StatusQueueDetail:
    """
    Attributes:
        queue (StatusQueueDetailQueue):
        partitions (list[StatusQueueDetailPartitionsItem] | Unset):
        totals (StatusQueueDetailTotals | Unset):
    """

    queue: StatusQueueDetailQueue
    partitions: list[StatusQueueDetailPartitionsItem] | Unset = UNSET
    totals: StatusQueueDetailTotals | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        queue = self.queue.to_dict()

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
                "queue": queue,
            }
        )
        if partitions is not UNSET:
            field_dict["partitions"] = partitions
        if totals is not UNSET:
            field_dict["totals"] = totals

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.status_queue_detail_partitions_item import (
            StatusQueueDetailPartitionsItem,
        )
        from ..models.status_queue_detail_queue import StatusQueueDetailQueue
        from ..models.status_queue_detail_totals import StatusQueueDetailTotals

        d = dict(src_dict)
        queue = StatusQueueDetailQueue.from_dict(d.pop("queue"))

        _partitions = d.pop("partitions", UNSET)
        partitions: list[StatusQueueDetailPartitionsItem] | Unset = UNSET
        if _partitions is not UNSET:
            partitions = []
            for partitions_item_data in _partitions:
                partitions_item = StatusQueueDetailPartitionsItem.from_dict(
                    partitions_item_data
                )

                partitions.append(partitions_item)

        _totals = d.pop("totals", UNSET)
        totals: StatusQueueDetailTotals | Unset
        if isinstance(_totals, Unset):
            totals = UNSET
        else:
            totals = StatusQueueDetailTotals.from_dict(_totals)

        status_queue_detail = cls(
            queue=queue,
            partitions=partitions,
            totals=totals,
        )

        status_queue_detail.additional_properties = d
        return status_queue_detail

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
