package org.decoop.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class TransliterationTest {

	@Test
	void serbianCyrillicBecomesSerbianLatin() {
		assertThat(Transliteration.toLatin("Сремска Митровица")).isEqualTo("Sremska Mitrovica");
		assertThat(Transliteration.toLatin("Чачак")).isEqualTo("Čačak");
		assertThat(Transliteration.toLatin("Ђурђевак, Љиг, Њеш, Џеп, Ћуприја, Жабаљ"))
			.isEqualTo("Đurđevak, Ljig, Nješ, Džep, Ćuprija, Žabalj");
	}

	@Test
	void theLatinFormIsComposed() {
		String latin = Transliteration.toLatin("Шабац");
		assertThat(latin).isEqualTo("Šabac").isEqualTo(Normalizer.normalize(latin, Normalizer.Form.NFC));
		assertThat(latin.codePointAt(0)).isEqualTo('Š');
	}

	@Test
	void latinTextStaysAsItIs() {
		assertThat(Transliteration.toLatin("Nevers")).isEqualTo("Nevers");
		assertThat(Transliteration.toLatin("Saint-Étienne")).isEqualTo("Saint-Étienne");
	}

	@Test
	void aReaderOfCyrillicGetsTheOriginalEveryOtherReaderTheLatinForm() {
		assertThat(Transliteration.forReader("Крагујевац", Languages.SERBIAN_CYRILLIC)).isEqualTo("Крагујевац");
		assertThat(Transliteration.forReader("Крагујевац", Languages.SERBIAN_LATIN)).isEqualTo("Kragujevac");
		assertThat(Transliteration.forReader("Крагујевац", Languages.FRENCH)).isEqualTo("Kragujevac");
		assertThat(Transliteration.forReader("Nevers", Languages.SERBIAN_CYRILLIC)).isEqualTo("Nevers");
	}

	@Test
	void aSearchKeyIsTheSameWhicheverScriptAndDiacritics() {
		assertThat(Transliteration.searchKey("Чачак")).isEqualTo("cacak");
		assertThat(Transliteration.searchKey("Čačak")).isEqualTo("cacak");
		assertThat(Transliteration.searchKey("Сремска Митровица")).isEqualTo("sremska mitrovica");
		assertThat(Transliteration.searchKey("Saint-Étienne")).isEqualTo("saint-etienne");
	}

}
