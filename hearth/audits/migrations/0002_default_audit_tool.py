"""The default case file audit tool, version 1 (hearth/audits/default_tool.py): reference data
every authority needs before its first audit, so a migration rather than demo data."""

from django.db import migrations
from django.utils import timezone


def create_default_tool(apps, schema_editor):
    from hearth.audits.default_tool import DESCRIPTION, NAME, SECTIONS

    tool_model = apps.get_model("audits", "AuditTool")
    if tool_model.objects.filter(name=NAME).exists():
        return
    tool = tool_model.objects.create(name=NAME, description=DESCRIPTION)
    version = apps.get_model("audits", "AuditToolVersion").objects.create(
        tool=tool, number=1, note="Hearth's default tool", created_at=timezone.now())
    section_model = apps.get_model("audits", "ToolSection")
    question_model = apps.get_model("audits", "ToolQuestion")
    for s_order, (title, questions) in enumerate(SECTIONS, start=1):
        section = section_model.objects.create(version=version, order=s_order, title=title)
        for q_order, text in enumerate(questions, start=1):
            question_model.objects.create(section=section, order=q_order, text=text)


def remove_default_tool(apps, schema_editor):
    from hearth.audits.default_tool import NAME

    tool = apps.get_model("audits", "AuditTool").objects.filter(name=NAME).first()
    if tool is None or apps.get_model("audits", "CaseAudit").objects.filter(
            tool_version__tool=tool).exists():
        return
    apps.get_model("audits", "ToolQuestion").objects.filter(
        section__version__tool=tool).delete()
    apps.get_model("audits", "ToolSection").objects.filter(version__tool=tool).delete()
    apps.get_model("audits", "AuditProgramme").objects.filter(
        tool_version__tool=tool).delete()
    apps.get_model("audits", "AuditToolVersion").objects.filter(tool=tool).delete()
    tool.delete()


class Migration(migrations.Migration):
    dependencies = [("audits", "0001_audits_programmes_tools_actions_deep_dives")]
    operations = [migrations.RunPython(create_default_tool, remove_default_tool)]
