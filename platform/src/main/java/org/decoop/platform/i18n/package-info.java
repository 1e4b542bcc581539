/**
 * The languages decoop speaks ({@code en}, {@code fr}, {@code sr-Cyrl}, {@code sr-Latn}):
 * {@code Accept-Language} negotiation, each module's message bundle (Serbian Latin
 * derived from the Cyrillic, never written), names in the reader's script, and dates and
 * amounts in the reader's formats.
 */
@NullMarked
package org.decoop.platform.i18n;

import org.jspecify.annotations.NullMarked;
