package org.decoop.partnership.localauthority;

import org.springframework.data.mongodb.repository.MongoRepository;

interface LocalAuthorityRepository extends MongoRepository<LocalAuthorityDocument, String> {

}
