"""Issues that pointed at an OIT item the operator merged away follow it to the kept item."""

from measures.models import ImprovementIssue


def repoint_issues(sender, old, new, **kwargs):
    ImprovementIssue.objects.filter(oit_item=old).update(oit_item=new)
