from disclosure.models import DisclosureItem, ItemStatus
from disclosure.services import ensure_checklist, item_update


def answer(org, year, code):
    return DisclosureItem.objects.get(organization=org, oit_item__year__year=year,
                                      oit_item__code=code)


def fill(org, year, by, *, skip=(), urls=None, base=None):
    """Mark every item of the year มี with one main-site URL, except the codes in `skip`."""
    ensure_checklist(org, year)
    for item in DisclosureItem.objects.filter(organization=org, oit_item__year__year=year):
        if item.oit_item.code in skip:
            continue
        url = (urls or {}).get(item.oit_item.code,
                               f"{base or f'https://{org.slug}.go.th'}/oit/{item.oit_item.code}")
        item_update(item=item, by=by, expected_version=item.version, data={
            "status": ItemStatus.PRESENT, "explanation": f"เผยแพร่ข้อ {item.oit_item.code}",
            "urls": [url], "owner_department": None, "owner_position": None, "due_date": None})
