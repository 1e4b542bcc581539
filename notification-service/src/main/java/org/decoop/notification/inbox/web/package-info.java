@NullMarked
package org.decoop.notification.inbox.web;

import org.jspecify.annotations.NullMarked;
