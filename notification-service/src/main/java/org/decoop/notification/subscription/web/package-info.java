@NullMarked
package org.decoop.notification.subscription.web;

import org.jspecify.annotations.NullMarked;
