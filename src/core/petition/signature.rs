//! One signature as typed into the form, its fields, and where the person
//! lives, which decides between the ZIP code and the country.

/// One signature as typed into the form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signature {
    /// Given name, in any script.
    pub first_name: String,
    /// Family name, in any script.
    pub last_name: String,
    /// Address for updates and for the campaign to tell signatures apart.
    pub email: String,
    /// US ZIP code; ignored when `country` is given.
    pub zip: String,
    /// Country for people outside the US; empty for US residents.
    pub country: String,
    /// "Keep me updated"; off unless the person ticks it.
    pub updates: bool,
}

/// A form field that can have a problem, in form order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// First name.
    FirstName,
    /// Last name.
    LastName,
    /// Email address.
    Email,
    /// US ZIP code.
    Zip,
    /// Country outside the US.
    Country,
}

impl Field {
    /// Every field, in the order the form shows them.
    pub const ALL: [Field; 5] = [
        Field::FirstName,
        Field::LastName,
        Field::Email,
        Field::Zip,
        Field::Country,
    ];
}

/// Where the person signing lives: the campaign counts US signatures by ZIP
/// code and asks everyone else for their country instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Residence {
    /// In the United States: the ZIP code is asked for, the country is not.
    Us,
    /// Elsewhere: the country is asked for, the ZIP code is not.
    Abroad,
}

impl Residence {
    /// From the form's "I live outside the United States" checkbox.
    pub fn outside_us(checked: bool) -> Self {
        if checked {
            Residence::Abroad
        } else {
            Residence::Us
        }
    }

    /// Whether someone living here is asked for `field` (and it is checked
    /// and sent); every field but the ZIP code and the country always is.
    pub fn asks_for(self, field: Field) -> bool {
        match field {
            Field::Zip => self == Residence::Us,
            Field::Country => self == Residence::Abroad,
            Field::FirstName | Field::LastName | Field::Email => true,
        }
    }
}

impl Signature {
    /// The text typed into `field`.
    pub fn text(&self, field: Field) -> &str {
        match field {
            Field::FirstName => &self.first_name,
            Field::LastName => &self.last_name,
            Field::Email => &self.email,
            Field::Zip => &self.zip,
            Field::Country => &self.country,
        }
    }

    /// The text of `field`, to change as the person types.
    pub fn text_mut(&mut self, field: Field) -> &mut String {
        match field {
            Field::FirstName => &mut self.first_name,
            Field::LastName => &mut self.last_name,
            Field::Email => &mut self.email,
            Field::Zip => &mut self.zip,
            Field::Country => &mut self.country,
        }
    }

    /// The signature of someone living in `residence`, with only the fields
    /// they are asked for: a ZIP code typed before ticking "outside the US",
    /// or a country before unticking it, is neither checked nor sent.
    pub fn for_residence(&self, residence: Residence) -> Signature {
        let mut s = self.clone();
        // Kept from when residence was read from the country: a country left
        // in the hidden field also voids a US signer's ZIP code, so "Enter
        // your ZIP code" shows until it is emptied. Dropping this is a
        // behaviour change, left out of a refactor on purpose.
        if !s.country.trim().is_empty() {
            s.zip.clear();
        }
        for field in [Field::Zip, Field::Country] {
            if !residence.asks_for(field) {
                s.text_mut(field).clear();
            }
        }
        s
    }

    /// The signature as it is stored and sent: every field trimmed.
    pub fn normalized(&self) -> Signature {
        let trim = |t: &String| t.trim().to_string();
        Signature {
            first_name: trim(&self.first_name),
            last_name: trim(&self.last_name),
            email: trim(&self.email),
            zip: trim(&self.zip),
            country: trim(&self.country),
            updates: self.updates,
        }
    }
}

/// A signature with every text field given, for the petition's tests.
#[cfg(test)]
pub(crate) fn sig(first: &str, last: &str, email: &str, zip: &str, country: &str) -> Signature {
    Signature {
        first_name: first.into(),
        last_name: last.into(),
        email: email.into(),
        zip: zip.into(),
        country: country.into(),
        updates: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_trims_every_field_and_keeps_the_checkbox() {
        let mut s = sig(" Zoë ", "\tO'Brien\n", " zoe@example.com ", " 12345 ", "  ");
        s.updates = true;
        assert_eq!(
            s.normalized(),
            Signature {
                updates: true,
                ..sig("Zoë", "O'Brien", "zoe@example.com", "12345", "")
            }
        );
    }

    #[test]
    fn a_country_replaces_the_zip_code() {
        let abroad = |country: &str, zip: &str| sig("Paul", "Whelan", "p@x.org", zip, country);
        let sent = |s: Signature, r| s.for_residence(r).normalized();
        assert_eq!(
            sent(abroad(" Germany ", "48104"), Residence::Abroad).zip,
            ""
        );
        assert_eq!(sent(abroad("", " 48104 "), Residence::Us).zip, "48104");
    }
}
