"""Every form field renders in KERN's markup through components/field.html."""

import re

from django import forms


class Example(forms.Form):
    name = forms.CharField(label="Name")
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea)
    kind = forms.ChoiceField(
        label="Kind", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )
    category = forms.ChoiceField(label="Category", choices=[("", "—"), ("x", "X")])
    agree = forms.BooleanField(label="Agree", required=False)


def test_inputs_get_kern_classes_and_labels():
    html = str(Example())
    assert 'class="kern-form-input__input" maxlength' not in html  # no stray attrs order
    assert re.search(r'<input type="text" name="name" class="kern-form-input__input"', html)
    assert re.search(r'<textarea name="note"[^>]*class="kern-form-input__input"', html)
    assert re.search(r'<select name="category" class="kern-form-input__select"', html)
    assert 'class="kern-form-input__select-wrapper"' in html
    # Radios: the class on each input, the label after it, the group a fieldset.
    assert html.count('class="kern-form-check__radio"') == 2
    assert '<div id="id_kind" class="choice-group">' in html
    assert re.search(r'<legend class="kern-label">Kind', html)
    assert re.search(r'class="kern-form-check__checkbox"[^>]*id="id_agree"', html)


def test_optional_fields_say_so_and_required_ones_are_starred():
    html = str(Example())
    note_label = re.search(r'<label class="kern-label" for="id_note">(.*?)</label>', html, re.S)
    assert "kern-label__optional" in note_label.group(1)
    name_label = re.search(r'<label class="kern-label" for="id_name">(.*?)</label>', html, re.S)
    assert "required-mark" in name_label.group(1)
    assert "kern-label__optional" not in name_label.group(1)


def test_errors_mark_the_field_and_are_tied_to_it():
    form = Example(data={"name": "", "kind": "a"})
    html = str(form)
    assert re.search(
        r'<div class="field kern-form-input kern-form-input--error field-invalid">', html
    )
    assert 'class="kern-form-input__input kern-form-input__input--error"' in html
    assert 'id="id_name_error" role="alert"' in html
    assert re.search(r'aria-describedby="[^"]*id_name_error', html)
