from django.db import migrations, models


def forget_default_german(apps, schema_editor):
    """'de' was the default nobody chose: from now on the browser decides for them.

    A German choice and the old default cannot be told apart; those who chose German
    mostly have a German browser too, and can choose again in the switch or profile.
    """
    User = apps.get_model("accounts", "User")
    User.objects.filter(preferred_language="de").update(preferred_language="")


def restore_default_german(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(preferred_language="").update(preferred_language="de")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_user_email_lower_case"),
    ]

    operations = [
        migrations.AlterField(
            model_name="user",
            name="preferred_language",
            field=models.CharField(
                blank=True,
                choices=[("de", "German"), ("en", "English")],
                default="",
                max_length=8,
                verbose_name="preferred language",
            ),
        ),
        migrations.RunPython(forget_default_german, restore_default_german),
    ]
