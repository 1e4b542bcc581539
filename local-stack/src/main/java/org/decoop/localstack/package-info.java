@NullMarked
package org.decoop.localstack;

import org.jspecify.annotations.NullMarked;
