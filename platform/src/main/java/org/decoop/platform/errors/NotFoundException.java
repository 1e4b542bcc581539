package org.decoop.platform.errors;

/** The addressed resource does not exist (404). */
public class NotFoundException extends DecoopException {

    public NotFoundException(String resource, String id) {
        super("%s %s does not exist".formatted(resource, id), null);
    }
}
