@NullMarked
package de.bwaldvogel.mongo.backend.h2;

import org.jspecify.annotations.NullMarked;
