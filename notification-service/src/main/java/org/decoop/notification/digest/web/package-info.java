@NullMarked
package org.decoop.notification.digest.web;

import org.jspecify.annotations.NullMarked;
